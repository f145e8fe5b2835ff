"""Headless commands (``gridoffice-cli``): info, demo data, ledgers, Excel, sync.

Never imports Qt. Success exits 0; an expected failure prints one line
(Chinese | English) on stderr and exits 1; a usage error exits 2, also with one
line. Help texts are English source strings marked for translation (context
``cli``); ``--help`` prints each in Chinese above the English.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from gridoffice import __version__, cli_backup, cli_keys, cli_users
from gridoffice.domain import access
from gridoffice.domain.dates import parse_date
from gridoffice.errors import UserError, fault_error
from gridoffice.i18n import QT_TRANSLATE_NOOP, catalog

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
CONTEXT = "cli"
log = logging.getLogger("gridoffice.cli")

# argparse's own texts, translated like ours.
_ARGPARSE_TEXTS = (
    QT_TRANSLATE_NOOP("cli", "usage"),
    QT_TRANSLATE_NOOP("cli", "positional arguments"),
    QT_TRANSLATE_NOOP("cli", "options"),
    QT_TRANSLATE_NOOP("cli", "show this help message and exit"),
)
MSG_USAGE = QT_TRANSLATE_NOOP("cli", "usage error: {message} (see --help)")
# argparse's usage errors (English, values filled in), each read back into a message of
# ours; ``lists`` names the groups that are lists, split on their separator.
_USAGE_ERRORS: tuple[tuple[re.Pattern[str], str, dict[str, str]], ...] = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"),
     QT_TRANSLATE_NOOP("cli", "{names} must be given"), {"names": ", "}),
    (re.compile(r"one of the arguments (?P<names>.+) is required"),
     QT_TRANSLATE_NOOP("cli", "give one of {names}"), {"names": " "}),
    (re.compile(r"unrecognized arguments: (?P<names>.+)"),
     QT_TRANSLATE_NOOP("cli", "unknown arguments: {names}"), {}),
    (re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<names>.+)"),
     QT_TRANSLATE_NOOP("cli", "{option} could mean {names}"), {"names": ", "}),
    (re.compile(r"argument (?P<option>[^:]+): invalid choice: (?P<value>.+?) "
                r"\(choose from (?P<names>.+)\)"),
     QT_TRANSLATE_NOOP("cli", "{option}: there is no {value}; choose one of {names}"),
     {"names": ", "}),
    (re.compile(r"argument (?P<option>[^:]+): invalid \w+ value: (?P<value>.+)"),
     QT_TRANSLATE_NOOP("cli", "{option}: {value} is not a whole number"), {}),
    (re.compile(r"argument (?P<option>[^:]+): expected (?:one|at least one) argument"),
     QT_TRANSLATE_NOOP("cli", "{option}: give a value after it"), {}),
    (re.compile(r"argument (?P<option>[^:]+): not allowed with argument (?P<other>.+)"),
     QT_TRANSLATE_NOOP("cli", "{option} and {other} cannot be given together"), {}),
)
_ARGUMENT = re.compile(r"argument (?P<option>[^:]+): (?P<message>.+)", re.DOTALL)


def _zh(text: str) -> str:
    return catalog("zh_CN").translate(CONTEXT, text)


def _inline(text: str) -> str:
    """``中文 | English`` (the English alone until it is translated)."""
    zh = _zh(text)
    return text if zh == text else f"{zh} | {text}"


def _two_lines(text: str) -> str:
    """The Chinese above the English (the English alone until it is translated)."""
    zh = _zh(text)
    return text if zh == text else f"{zh}\n{text}"


def _usage_message(message: str) -> tuple[str, str]:
    """(Chinese, English) for one of argparse's usage errors."""

    def unquote(value: str) -> str:
        return value.strip().strip("'\"")

    for pattern, template, lists in _USAGE_ERRORS:
        match = pattern.fullmatch(message.strip())
        if match is None:
            continue
        values = {key: unquote(value) for key, value in match.groupdict().items()}
        split = {key: [unquote(v) for v in values[key].split(sep) if v.strip()]
                 for key, sep in lists.items()}
        zh = _zh(template).format(**{**values, **{k: "、".join(v) for k, v in split.items()}})
        en = template.format(**{**values, **{k: ", ".join(v) for k, v in split.items()}})
        return zh, en
    match = _ARGUMENT.fullmatch(message.strip())
    if match:  # a message of ours from a type check, already "中文 | English"
        option = match["option"]
        zh, _bar, en = match["message"].partition(" | ")
        return f"{option}：{zh}", f"{option}: {en or zh}"
    return message, message


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_TOKENS = re.compile(r"[!-~]+|\s+|.")
_NO_LINE_START = set("，。、；：）」』》！？")


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` columns; a Chinese character takes two and a line may
    break between any two of them (English breaks between words)."""
    lines: list[str] = []
    line = ""
    for token in _TOKENS.findall(text):
        if token.isspace():
            token = " "
            if not line:
                continue
        if (line.strip() and _display_width(line + token) > width
                and token not in _NO_LINE_START):
            lines.append(line.rstrip())
            line = "" if token == " " else token
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


class _BilingualHelp(argparse.HelpFormatter):
    """Prints every help text in Chinese and English (from the ``cli`` catalogue)."""

    def __init__(self, prog: str) -> None:
        import shutil

        width = min(shutil.get_terminal_size().columns, 100) - 2
        super().__init__(prog, max_help_position=28, width=width)

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[Any], prefix: str | None = None) -> None:
        if prefix is None:  # "" when argparse works out a sub-command's prog
            prefix = _inline("usage") + ": "
        super().add_usage(usage, actions, groups, prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(_inline(heading) if heading else heading)

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if not action.help:
            return action.help
        zh = _zh(action.help)
        return action.help if zh == action.help else f"{zh.replace('%', '%%')}\n{action.help}"

    def _format_text(self, text: str) -> str:
        return super()._format_text(_two_lines(text))

    def _split_lines(self, text: str, width: int) -> list[str]:
        return [line for part in text.splitlines() for line in _wrap(part, width)]

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in self._split_lines(text, width - len(indent)))


class _Parser(argparse.ArgumentParser):
    """argparse with bilingual help, and a usage error on one line in Chinese and English."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _BilingualHelp)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        zh, en = _usage_message(message)
        zh, en = _zh(MSG_USAGE).format(message=zh), MSG_USAGE.format(message=en)
        line = " ".join((en if zh == en else f"{zh} | {en}").split())
        self.exit(EXIT_USAGE, f"{self.prog}: {line}\n")


def _command(commands: Any, name: str, text: str, handler: Callable[..., int] | None = None,
             *, office: bool = True, permission: str | None = None,
             signed: bool = True) -> argparse.ArgumentParser:
    """A sub-command whose help line and description are ``text``; ``office=False``
    for the commands that may run in a data folder that is not set up; ``permission``:
    what the signed-in account must be allowed (checked before anything is written);
    ``signed=False`` for the commands a folder with accounts runs without ``--user``."""
    parser: argparse.ArgumentParser = commands.add_parser(name, help=text, description=text)
    if handler is not None:
        parser.set_defaults(handler=handler, needs_office=office, permission=permission,
                            signed=signed)
    return parser


def _output(parser: argparse.ArgumentParser) -> None:
    """A ledger's ``-o FILE.pdf``."""
    parser.add_argument("-o", "--output", required=True, metavar="FILE.pdf",
                        type=_output_arg(".pdf"),
                        help=QT_TRANSLATE_NOOP("cli", "the file to write (.pdf is added when "
                                               "the name has no extension)"))


def _grid_options(parser: argparse.ArgumentParser, *, required: bool,
                  text: str) -> None:
    parser.add_argument("--grid", required=required, metavar="GRID", help=text)
    parser.add_argument("--community", metavar="NAME", help=QT_TRANSLATE_NOOP(
        "cli", "at a street office: the community whose grid is meant"))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="gridoffice-cli", description=QT_TRANSLATE_NOOP(
        "cli", "GridOffice without its window: information, demo data, ledgers, Excel "
        "import and export, sync with the street office."))
    parser.add_argument("--version", action="version", version=f"GridOffice {__version__}",
                        help=QT_TRANSLATE_NOOP("cli", "print the program's version and exit"))
    parser.add_argument("--data-dir", metavar="DIR", help=QT_TRANSLATE_NOOP(
        "cli", "the data folder (default: $GRIDOFFICE_DATA_DIR or the user's data folder)"))
    parser.add_argument("--verbose", action="store_true",
                        help=QT_TRANSLATE_NOOP("cli", "log debug messages to stderr"))
    cli_users.add_global_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    info = _command(commands, "info", QT_TRANSLATE_NOOP(
        "cli", "office, data folder, data version, counts and digests"), cmd_info,
        signed=False)
    info.add_argument("--json", action="store_true",
                      help=QT_TRANSLATE_NOOP("cli", "print JSON"))

    todo = _command(commands, "todo", QT_TRANSLATE_NOOP(
        "cli", "what is due: the items and counts of the workbench (工作台)"), cmd_todo)
    todo.add_argument("--json", action="store_true",
                      help=QT_TRANSLATE_NOOP("cli", "print JSON"))

    demo = _command(commands, "demo", QT_TRANSLATE_NOOP(
        "cli", "fill an empty data folder with demo data (sets up the demo community when "
        "the folder is not set up)"), cmd_demo, office=False, permission=access.IMPORT)
    demo.add_argument("--seed", type=int, default=1,
                      help=QT_TRANSLATE_NOOP("cli", "random seed (default 1)"))
    demo.add_argument("--size", choices=("small", "medium", "large"), default="small",
                      help=QT_TRANSLATE_NOOP("cli", "small (160 members, a year of meetings), "
                                             "medium (2,000 members, ten years) or large "
                                             "(20,000 members, ten years)"))
    demo.add_argument("--progress", action="store_true", help=QT_TRANSLATE_NOOP(
        "cli", "report each step on stderr even when it is not a terminal (it is reported "
        "on a terminal anyway)"))

    _ledger_commands(commands)
    _audit_commands(commands)

    setup = _command(commands, "setup", QT_TRANSLATE_NOOP(
        "cli", "set up this PC's office without the window"), cmd_setup, office=False,
        signed=False)
    setup.add_argument("--role", choices=("street", "community"), required=True,
                       help=QT_TRANSLATE_NOOP("cli", "a street office or a community office"))
    setup.add_argument("--street", metavar="NAME", required=True,
                       help=QT_TRANSLATE_NOOP("cli", "the street office"))
    setup.add_argument("--community", metavar="NAME",
                       help=QT_TRANSLATE_NOOP("cli", "the community (role community)"))
    setup.add_argument("--pc", metavar="LABEL", default="",
                       help=QT_TRANSLATE_NOOP("cli", "which PC of the office"))
    setup.add_argument("--operator", metavar="NAME", default="管理员",
                       help=QT_TRANSLATE_NOOP("cli", "who works on this PC (default 管理员)"))
    setup.add_argument("--open", action="store_true", help=QT_TRANSLATE_NOOP(
        "cli", "no accounts: everyone at this PC may do everything (without it, add the "
        "administrator next)"))

    _sync_commands(commands)
    _excel_commands(commands)
    cli_users.add_commands(commands, _command)
    cli_backup.add_commands(commands, _command)
    cli_keys.add_commands(commands, _command, _output)
    return parser


def _ledger_commands(commands: Any) -> None:
    """One sub-command per ledger of the catalogue, with the options it declares."""
    from gridoffice.ledgers.catalogue import on_command_line

    ledger = _command(commands, "ledger", QT_TRANSLATE_NOOP("cli", "print a PDF ledger"))
    kinds = ledger.add_subparsers(dest="ledger", metavar="LEDGER", required=True)
    for entry in on_command_line():
        parser = _command(kinds, entry.name, entry.help, cmd_ledger, permission=access.PRINT)
        parser.set_defaults(ledger_entry=entry)
        if entry.output == "folder":
            parser.add_argument("-o", "--output", required=True, metavar="DIR",
                                help=QT_TRANSLATE_NOOP("cli", "the folder to write into"))
        else:
            _output(parser)
        groups: dict[str, Any] = {}
        for parameter in entry.parameters:
            target: Any = parser
            if parameter.group:
                if parameter.group not in groups:
                    groups[parameter.group] = parser.add_mutually_exclusive_group(
                        required=True)
                target = groups[parameter.group]
            options: dict[str, Any] = {"dest": parameter.name, "help": parameter.help}
            if parameter.metavar:
                options["metavar"] = parameter.metavar
            if parameter.kind != "text":
                options["type"] = _PARAMETER_TYPES[parameter.kind]
            if parameter.choices:
                options["choices"] = parameter.choices
            if parameter.default is not None:
                options["default"] = parameter.default
            if parameter.required:
                options["required"] = True
            target.add_argument(*parameter.flags, **options)


def _sync_commands(commands: Any) -> None:
    sync = _command(commands, "sync", QT_TRANSLATE_NOOP(
        "cli", "file-based sync with the street office"))
    kinds = sync.add_subparsers(dest="sync_kind", metavar="COMMAND", required=True)
    json_help = QT_TRANSLATE_NOOP("cli", "print JSON")
    identity = _command(kinds, "identity", QT_TRANSLATE_NOOP(
        "cli", "write this PC's identity file"), cmd_sync_identity, permission=access.SYNC)
    identity.add_argument("-o", "--output", metavar="FILE", required=True,
                          help=QT_TRANSLATE_NOOP("cli", "the identity file to write"))
    trust = _command(kinds, "trust", QT_TRANSLATE_NOOP(
        "cli", "trust another office's identity file"), cmd_sync_trust, permission=access.SYNC)
    trust.add_argument("file", metavar="FILE",
                       help=QT_TRANSLATE_NOOP("cli", "the other office's identity file"))
    export = _command(kinds, "export", QT_TRANSLATE_NOOP(
        "cli", "write packages of the changes the peers have not acknowledged"),
        cmd_sync_export, permission=access.SYNC)
    export.add_argument("--to", metavar="OFFICE", help=QT_TRANSLATE_NOOP(
        "cli", "only for this office or PC (name, label or id)"))
    export.add_argument("-o", "--output", metavar="FILE_OR_DIR", required=True,
                        help=QT_TRANSLATE_NOOP("cli", "the package file, or a folder for "
                                               "one package per peer"))
    imported = _command(kinds, "import", QT_TRANSLATE_NOOP(
        "cli", "import package files, each all or nothing"), cmd_sync_import,
        permission=access.SYNC)
    imported.add_argument("files", nargs="+", metavar="FILE",
                          help=QT_TRANSLATE_NOOP("cli", "the package files (.gridsync)"))
    imported.add_argument("--json", action="store_true", help=json_help)
    status = _command(kinds, "status", QT_TRANSLATE_NOOP(
        "cli", "each peer: packages, pending changes, conflicts, digests"), cmd_sync_status,
        permission=access.SYNC)
    status.add_argument("--json", action="store_true", help=json_help)
    conflicts = _command(kinds, "conflicts", QT_TRANSLATE_NOOP(
        "cli", "the versions kept from conflicts"), cmd_sync_conflicts, permission=access.SYNC)
    conflicts.add_argument("--json", action="store_true", help=json_help)
    conflicts.add_argument("--all", action="store_true",
                           help=QT_TRANSLATE_NOOP("cli", "resolved ones too"))
    resolve = _command(kinds, "resolve", QT_TRANSLATE_NOOP("cli", "settle one conflict"),
                       cmd_sync_resolve, permission=access.SYNC)
    resolve.add_argument("conflict", metavar="ID", help=QT_TRANSLATE_NOOP(
        "cli", "the conflict's id (its first 8 characters will do)"))
    resolve.add_argument("choice", choices=("keep", "take", "same_person", "different"),
                         help=QT_TRANSLATE_NOOP(
                             "cli", "keep ours, take theirs, or (for a possible duplicate) "
                             "same_person or different"))
    peers = _command(kinds, "peers", QT_TRANSLATE_NOOP("cli", "the offices this PC trusts"),
                     cmd_sync_peers, permission=access.SYNC)
    peers.add_argument("--json", action="store_true", help=json_help)


def _excel_commands(commands: Any) -> None:
    imports = _command(commands, "import", QT_TRANSLATE_NOOP("cli", "import data from Excel"))
    kinds = imports.add_subparsers(dest="what", metavar="WHAT", required=True)
    sheet_help = QT_TRANSLATE_NOOP("cli", "the sheet's name (default: the first)")
    dry_help = QT_TRANSLATE_NOOP("cli", "check every row and report; write nothing")
    file_help = QT_TRANSLATE_NOOP("cli", "the .xlsx file to read")
    roster = _command(kinds, "roster", QT_TRANSLATE_NOOP(
        "cli", "party members from an .xlsx file"), cmd_import_roster,
        permission=access.IMPORT)
    roster.add_argument("file", metavar="FILE.xlsx", help=file_help)
    roster.add_argument("--sheet", metavar="NAME", help=sheet_help)
    roster.add_argument("--dry-run", action="store_true", help=dry_help)
    residents = _command(kinds, "residents", QT_TRANSLATE_NOOP(
        "cli", "residents (实有人口) from an .xlsx file"), cmd_import_residents,
        permission=access.IMPORT)
    residents.add_argument("file", metavar="FILE.xlsx", help=file_help)
    residents.add_argument("--sheet", metavar="NAME", help=sheet_help)
    residents.add_argument("--dry-run", action="store_true", help=dry_help)
    residents.add_argument("--create-buildings", action="store_true", help=QT_TRANSLATE_NOOP(
        "cli", "create the buildings the file names that do not exist"))

    exports = _command(commands, "export", QT_TRANSLATE_NOOP("cli", "export data to Excel"))
    kinds = exports.add_subparsers(dest="what", metavar="WHAT", required=True)
    out_help = QT_TRANSLATE_NOOP(
        "cli", "the .xlsx file to write (.xlsx is added when the name has no extension)")
    export_roster = _command(kinds, "roster", QT_TRANSLATE_NOOP(
        "cli", "the active party members, masked"), cmd_export_roster,
        permission=access.EXPORT)
    export_roster.add_argument("file", metavar="FILE.xlsx", type=_output_arg(".xlsx"),
                               help=out_help)
    export_roster.add_argument("--org", metavar="NAME", help=QT_TRANSLATE_NOOP(
        "cli", "an organisation and its sub-organisations"))
    export_residents = _command(kinds, "residents", QT_TRANSLATE_NOOP(
        "cli", "the residents, masked"), cmd_export_residents,
        permission=access.EXPORT)
    export_residents.add_argument("file", metavar="FILE.xlsx", type=_output_arg(".xlsx"),
                                  help=out_help)
    _grid_options(export_residents, required=False,
                  text=QT_TRANSLATE_NOOP("cli", "only this grid (its code or name)"))
    full_help = QT_TRANSLATE_NOOP(
        "cli", "full ID numbers and phones (recorded in the audit log), a file to import back")
    for export in (export_roster, export_residents):
        export.set_defaults(output_dest="file")
        export.add_argument("--full", action="store_true", help=full_help)
        export.add_argument("--reason", metavar="TEXT", help=QT_TRANSLATE_NOOP(
            "cli", "why the file needs full numbers (required with --full; audited)"))


# --- arguments --------------------------------------------------------------
MSG_DATE = QT_TRANSLATE_NOOP(
    "errors", "{value} is not a date; write it as 2026-11-01, 2026/11/01, 2026.11.1 or "
    "2026年11月1日.")
MSG_YEAR = QT_TRANSLATE_NOOP(
    "errors", "{value} is not a year; write four digits (YYYY), e.g. 2026.")
MSG_PERIOD = QT_TRANSLATE_NOOP(
    "errors", "{value} is not a period; write a year, half, quarter or month: 2026, 2026H1, "
    "2026Q3, 2026-07 or 2026年7月.")
MSG_OUTPUT_SUFFIX = QT_TRANSLATE_NOOP(
    "errors", "{name} does not end in {suffix}; this command writes a {suffix} file. Name it "
    "…{suffix}, or leave out the extension and {suffix} is added.")
# What counts as a file name's extension: ".txt" or ".docx", not the ".11" of "2026.11".
_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,5}")


def _type_error(message: str, **values: Any) -> argparse.ArgumentTypeError:
    return argparse.ArgumentTypeError(UserError(message, **values).one_line())


def _audit_commands(commands: Any) -> None:
    audit = _command(commands, "audit", QT_TRANSLATE_NOOP(
        "cli", "read the audit log and check that nobody changed it"))
    actions = audit.add_subparsers(dest="audit", metavar="ACTION", required=True)
    listing = _command(actions, "list", QT_TRANSLATE_NOOP(
        "cli", "the entries of the audit log, oldest first"), cmd_audit_list,
        permission=access.AUDIT)
    listing.add_argument("--since", metavar="DATE", type=_date_arg, help=QT_TRANSLATE_NOOP(
        "cli", "only the entries from this day on"))
    listing.add_argument("--user", dest="who", metavar="NAME", help=QT_TRANSLATE_NOOP(
        "cli", "only the entries of this person"))
    listing.add_argument("--action", metavar="ACTION", help=QT_TRANSLATE_NOOP(
        "cli", "only the entries of this action (print, export, reveal_identity …)"))
    listing.add_argument("--json", action="store_true",
                         help=QT_TRANSLATE_NOOP("cli", "print JSON"))
    _command(actions, "verify", QT_TRANSLATE_NOOP(
        "cli", "check that no entry was edited or removed outside the program (exit 1 "
        "naming the first broken entry)"), cmd_audit_verify, permission=access.AUDIT)


def _date_arg(text: str) -> dt.date:
    try:
        day = parse_date(text)
        if day is None:
            raise ValueError(text)
        return day
    except ValueError:
        raise _type_error(MSG_DATE, value=text) from None


def _year_arg(text: str) -> int:
    value = unicodedata.normalize("NFKC", text).strip().removesuffix("年").strip()
    year = int(value) if value.isascii() and value.isdigit() else 0
    if not 1900 <= year <= 2999:
        raise _type_error(MSG_YEAR, value=text)
    return year


def _period_arg(text: str) -> Any:
    from gridoffice.domain.inservice import parse_period

    period = parse_period(text)
    if period is None:
        raise _type_error(MSG_PERIOD, value=text)
    return period


#: a catalogue parameter's ``kind``: how the command line checks and converts it
_PARAMETER_TYPES: dict[str, Callable[[str], Any]] = {
    "date": _date_arg, "year": _year_arg, "period": _period_arg,
}


def _output_arg(suffix: str) -> Callable[[str], str]:
    """The output file name: ``suffix`` added when the name has no extension, refused
    when it has another one. A folder is left as it is (the writer refuses it)."""

    def convert(text: str) -> str:
        path = Path(text)
        if path.suffix.lower() == suffix or path.is_dir():
            return text
        if _EXTENSION.fullmatch(path.suffix):
            raise _type_error(MSG_OUTPUT_SUFFIX, name=path.name, suffix=suffix)
        return text + suffix

    return convert


# --- commands ---------------------------------------------------------------
MSG_NOT_SET_UP = QT_TRANSLATE_NOOP(
    "errors", "The data folder {folder} is not set up for an office; nothing was written "
    "to it. Set it up first: gridoffice-cli --data-dir {folder} setup --role community "
    "--street STREET --community COMMUNITY (a street office: --role street --street "
    "STREET), or start GridOffice and fill in its first form.")


def _check_output(args: argparse.Namespace) -> None:
    """Refuse, before anything is opened, an output file or folder inside the data
    folder, where it could replace the database, a backup or a key."""
    from gridoffice import paths

    target = getattr(args, getattr(args, "output_dest", "output"), None)
    if target:
        paths.check_output(target, paths.resolve(args.data_dir))


def _require_office(args: argparse.Namespace) -> None:
    """Refuse a data folder that is not set up for an office, creating nothing in it
    (not even the folder): a ledger of nobody's office is no ledger."""
    from gridoffice import paths
    from gridoffice.services import office
    from gridoffice.store import driver, files

    app_paths = paths.resolve(args.data_dir)
    path = app_paths.database
    profile = None
    files.refuse_empty(path)
    if path.is_file():
        try:
            # Read-write: the last connection to close removes the WAL files, which a
            # read-only one would leave behind.
            conn = files.connect(path)
            try:
                rows = conn.execute("SELECT key, value FROM setting").fetchall()
            finally:
                conn.close()
        except driver.Error:
            # Not ours, damaged or newer: say so (without writing); else no settings yet.
            files.inspect(path, app_paths.backup_dir, quick_check=False)
            rows = []
        profile = office.profile_from(dict(rows))
    if profile is None:
        raise UserError(MSG_NOT_SET_UP, folder=str(app_paths.data_dir))


def _open(args: argparse.Namespace) -> Any:
    from gridoffice import paths
    from gridoffice.store.files import open_database

    app_paths = paths.resolve(args.data_dir)
    opened = open_database(app_paths)
    paths.clear_private_temp(app_paths.data_dir)  # what a killed run left there
    return app_paths, opened


def _database(args: argparse.Namespace) -> Any:
    from gridoffice.store.database import Database

    _paths, opened = _open(args)
    return Database(opened.path)


def cmd_audit_list(args: argparse.Namespace) -> int:
    import dataclasses

    from gridoffice.services import audit

    _paths, opened = _open(args)
    rows = audit.entries(opened.path, since=args.since.isoformat() if args.since else None,
                         operator=args.who, action=args.action)
    if args.json:
        print(json.dumps([dataclasses.asdict(r) for r in rows], ensure_ascii=False, indent=2))
        return EXIT_OK
    for r in rows:
        print(f"{r.seq}\t{r.at}\t{r.operator or '-'}\t{r.action}\t{r.target}\t{r.detail}")
    return EXIT_OK


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from gridoffice.services import audit

    _paths, opened = _open(args)
    error = audit.chain_error(opened.path)
    if error is not None:
        raise error
    count = len(audit.entries(opened.path))
    print(f"审计日志完整 the audit log is whole: {count} 条 entries")
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    from gridoffice.services import office
    from gridoffice.store import digest
    from gridoffice.store.files import connect
    from gridoffice.store.settings import read_meta

    app_paths, opened = _open(args)
    profile = office.load_profile(opened.path)
    conn = connect(opened.path, read_only=True)
    try:
        counts = digest.counts(conn)
        digests = digest.digests(conn)
    finally:
        conn.close()
    meta = read_meta(opened.path)
    info = {
        "version": __version__,
        "office": None if profile is None else {
            "id": meta.get("office_id"), "name": profile.name, "street": profile.street,
            "role": profile.role, "operator": profile.operator,
        },
        "replica_id": meta.get("replica_id"),
        "data_dir": str(app_paths.data_dir),
        "database": str(opened.path),
        "schema_version": opened.schema_version,
        "counts": counts,
        "digests": digests,
    }
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return EXIT_OK
    office_text = "（未设置 not set up）" if profile is None else (
        f"{profile.name}（{profile.street}，{profile.role}）")
    print(f"办公室 office:      {office_text}")
    print(f"数据目录 data dir:  {info['data_dir']}")
    print(f"数据版本 schema:    {info['schema_version']}")
    for area, count in counts.items():
        print(f"{area:>18}: {count}")
    for table, value in digests.items():
        print(f"{'digest ' + table:>18}: {value[:16]}…")
    return EXIT_OK


def cmd_todo(args: argparse.Namespace) -> int:
    """The workbench's to-do list as the account signed in sees it (one service computes
    both: :mod:`gridoffice.services.workbench`)."""
    from gridoffice.services import workbench_screen

    app_paths, opened = _open(args)
    actor = _actor(args, opened)
    screen = workbench_screen.read_screen(opened.path, actor, dt.datetime.now(),
                                          app_paths.backup_dir, read_only=True)
    items, month, year = screen.items, screen.month, screen.year
    chinese = catalog("zh_CN").translate
    if args.json:
        print(json.dumps({"items": [{**item.as_json(), "text_zh": item.text(chinese)}
                                    for item in items],
                          "month": month.as_json(), "year": year.as_json()},
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    if not items:
        print("没有待办事项 nothing is due")
    for item in items:
        print(f"{'！' if item.urgent else '·'} {item.text(chinese)}")
    for label, figures in (("本月 this month", month), ("本年 this year", year)):
        print(f"{label}: {_figures_line(figures)}")
    return EXIT_OK


def _figures_line(figures: Any) -> str:
    """The figures the actor may see, in one line (the workbench's 本月/本年)."""
    from gridoffice.services.workbench import figure_lines

    return "，".join(f"{name} {value}" for name, value, _note in figure_lines(figures))


MSG_COMMUNITY_NAME = QT_TRANSLATE_NOOP(
    "errors", "Community: a community office needs --community NAME; a street office "
    "takes none.")


def cmd_setup(args: argparse.Namespace) -> int:
    from gridoffice.services import office
    from gridoffice.services.accounts import NEEDS_ADMIN, AccountService
    from gridoffice.services.sync_trust import own_identity

    if (args.role == "community") != bool(args.community):
        raise UserError(MSG_COMMUNITY_NAME)
    _paths, opened = _open(args)
    name = args.community if args.role == "community" else args.street
    profile = office.setup_office(opened.path, office.OfficeProfile(
        name, args.street, args.role, args.operator), args.pc)
    identity = own_identity(opened.path)
    print(f"已设置 set up: {identity.display_name}（{profile.street}）")
    print(f"指纹 fingerprint: {identity.fingerprint}")
    if args.open:
        AccountService(opened.path).set_open()
        print("不设账户 open folder: 本机人人可做一切 everyone at this PC may do everything")
    elif AccountService(opened.path).mode() == NEEDS_ADMIN:
        print("下一步 next step: 添加管理员 add the administrator: gridoffice-cli "
              f"--data-dir {_paths.data_dir} user add NAME --role admin")
    return EXIT_OK


def cmd_sync_identity(args: argparse.Namespace) -> int:
    from gridoffice.services.sync_trust import export_identity

    _paths, opened = _open(args)
    identity = export_identity(opened.path, Path(args.output))
    print(f"已写出身份文件 identity written: {Path(args.output).absolute()}")
    print(f"指纹 fingerprint: {identity.fingerprint}")
    return EXIT_OK


def cmd_sync_trust(args: argparse.Namespace) -> int:
    from gridoffice.services.sync_trust import trust

    _paths, opened = _open(args)
    peer, new = trust(opened.path, Path(args.file))
    state = "已信任 trusted" if new else "已是信任单位 already trusted"
    print(f"{state}: {peer.display_name}（{peer.street}）")
    print(f"指纹 fingerprint: {peer.fingerprint} — 请与对方屏幕核对 compare with their screen")
    return EXIT_OK


def cmd_sync_peers(args: argparse.Namespace) -> int:
    from gridoffice.services.sync_trust import peers

    _paths, opened = _open(args)
    rows = peers(opened.path)
    if args.json:
        print(json.dumps([{**p.identity.to_json(), "fingerprint": p.identity.fingerprint,
                           "trusted_at": p.trusted_at, "revoked_at": p.revoked_at}
                          for p in rows], ensure_ascii=False, indent=2))
        return EXIT_OK
    for p in rows:
        print(f"{p.identity.display_name}\t{p.identity.role}\t{p.identity.fingerprint}\t"
              f"{p.trusted_at}")
    return EXIT_OK


def _sync_service(args: argparse.Namespace) -> Any:
    from gridoffice.services.sync import SyncService

    db = _database(args)
    return _acting(SyncService(db), _actor(args, db))


def cmd_sync_export(args: argparse.Namespace) -> int:
    service = _sync_service(args)
    try:
        results = service.export(Path(args.output), args.to)
    finally:
        service.db.close()
    for result in results:
        print(f"已写出 written: {result.path}（{result.recipient}，第 {result.sequence} 号 "
              f"package {result.sequence}，{result.rows} 条变更 changes）")
    return EXIT_OK


def cmd_sync_import(args: argparse.Namespace) -> int:
    from gridoffice.services.sync import result_dict

    service = _sync_service(args)
    try:
        results = service.import_files([Path(f) for f in args.files])
    finally:
        service.db.close()
    if args.json:
        print(json.dumps([result_dict(r) for r in results], ensure_ascii=False, indent=2))
    for result in results:
        if args.json:
            break
        if result.status == "already":
            print(f"已导入过 already imported: {result.path}（{result.sender}，"
                  f"第 {result.sequence} 号），未作更改 nothing changed")
        elif result.status == "applied":
            agree = {True: "数据一致 digests agree", False: "数据不一致 digests differ: "
                     + ", ".join(result.mismatched), None: ""}[result.digests_agree]
            print(f"已导入 imported: {result.path}（{result.sender}，第 {result.sequence} 号）"
                  f" 新增 {result.inserted} 更新 {result.updated} 冲突 {result.conflicts}"
                  f" 合并 {result.merged} inserted/updated/conflicts/merged; {agree}")
            if result.missing:
                print(f"  注意：之前的 {result.missing} 个包未收到，本包已包含其内容 | "
                      f"{result.missing} earlier packages never arrived; this one carries "
                      "their changes")
            if abs(result.clock_offset_ms) > 10 * 60 * 1000:
                hours = result.clock_offset_ms / 3_600_000
                print(f"  注意：对方电脑时钟相差 {hours:+.1f} 小时，冲突已列入待核对 | the "
                      f"sender's clock is {hours:+.1f} h off; its conflicts are marked")
        else:
            assert result.error is not None
            print(f"gridoffice-cli: {result.error.one_line()}", file=sys.stderr)
    return EXIT_OK if all(r.ok for r in results) else EXIT_FAILED


def cmd_sync_status(args: argparse.Namespace) -> int:
    service = _sync_service(args)
    try:
        rows = service.status()
        duplicates = service.duplicates_across_offices()
    finally:
        service.db.close()
    if args.json:
        import dataclasses

        print(json.dumps({"peers": [dataclasses.asdict(r) for r in rows],
                          "duplicates_across_offices": [list(d) for d in duplicates]},
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    for r in rows:
        agree = {True: "一致 agree", False: "不一致 differ", None: "未知 unknown"}[
            r.digests_agree]
        print(f"{r.name}\t{r.pc_label or '-'}\t收 in #{r.in_sequence} {r.last_in or '-'}\t"
              f"发 out #{r.out_sequence} {r.last_out or '-'}\t待发 pending {r.pending}\t"
              f"冲突 conflicts {r.conflicts}\t数据 {agree}\t"
              f"{'' if r.days_since_contact is None else f'{r.days_since_contact} 天 days'}")
    return EXIT_OK


def cmd_sync_conflicts(args: argparse.Namespace) -> int:
    import dataclasses

    service = _sync_service(args)
    try:
        rows = service.conflicts(include_resolved=args.all)
    finally:
        service.db.close()
    if args.json:
        data = [dataclasses.asdict(c) for c in rows]
        for item in data:  # masked, as on screen and on paper
            item["current"], item["other"] = _masked(item["current"]), _masked(item["other"])
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        return EXIT_OK
    for c in rows:
        print(f"{c.id[:8]}\t{c.table}\t{c.label}\t{c.kind}\t{','.join(c.fields)}\t{c.status}")
    return EXIT_OK


def _masked(row: dict[str, Any]) -> dict[str, Any]:
    from gridoffice.domain import masking

    hide = {"id_number": masking.mask_id, "id_number_original": masking.mask_id,
            "mobile": masking.mask_phone, "phone": masking.mask_phone}
    return {k: hide[k](v) if k in hide and isinstance(v, str) else v for k, v in row.items()}


def cmd_sync_resolve(args: argparse.Namespace) -> int:
    service = _sync_service(args)
    try:
        found = [c for c in service.conflicts() if c.id.startswith(args.conflict)]
        if len(found) != 1:
            raise UserError(MSG_NO_SUCH_CONFLICT, id=args.conflict)
        service.resolve(found[0].id, args.choice)
    finally:
        service.db.close()
    print(f"已处理 resolved: {found[0].id[:8]} {found[0].label}")
    return EXIT_OK


MSG_NO_SUCH_CONFLICT = QT_TRANSLATE_NOOP("errors", "There is no open conflict {id}.")


def cmd_demo(args: argparse.Namespace) -> int:
    from gridoffice.services import demo
    from gridoffice.services.accounts import AccountService

    db = _database(args)
    report = _demo_progress() if args.progress or sys.stderr.isatty() else None
    try:
        summary = demo.fill(db, seed=args.seed, size=args.size, progress=report)
    finally:
        db.close()
    if report is not None:
        report(DEMO_SAVED)
    AccountService(db.path).set_open()  # a demo: no accounts (until one is added)
    if summary.work_units:
        print(f"已生成街道演示数据 street demo data added: {summary.work_units} 个工作单位 "
              f"work units, {summary.departments} 个职能部门 departments "
              "(社区数据经同步到达 the communities' records arrive by sync)")
        return EXIT_OK
    print(f"已生成演示数据 demo data added: {summary.orgs} 个党组织 orgs, "
          f"{summary.seats} 个职务 seats, {summary.members} 名党员 members, "
          f"{summary.households} 户 households, {summary.residents} 名居民 residents, "
          f"{summary.meetings} 次会议 meetings, "
          f"{summary.registrations} 名在职党员报到 in-service registrations, "
          f"{summary.orders} 个居民订单 residents' orders")
    return EXIT_OK


DEMO_SAVED = "saved"
MSG_DEMO_SAVED = QT_TRANSLATE_NOOP("cli", "demo: saved")


def _demo_progress() -> Callable[[str], None]:
    """Print each step of the demo on stderr as it starts, with the time so far, and
    when all is saved."""
    import time

    from gridoffice.services.demo import PHASES

    started = time.perf_counter()
    steps = {**PHASES, DEMO_SAVED: MSG_DEMO_SAVED}

    def report(phase: str) -> None:
        number = min(list(steps).index(phase) + 1, len(PHASES))
        print(f"[{number}/{len(PHASES)}] {time.perf_counter() - started:6.1f} s  "
              f"{_inline(steps[phase])}", file=sys.stderr, flush=True)

    return report


def _unit(db: Any) -> str:
    """The office's name, printed on its ledgers."""
    from gridoffice.services import office

    profile = office.load_profile(db.path)
    return profile.name if profile else ""


def _actor(args: argparse.Namespace, db: Any) -> access.Actor:
    """Who runs the command: the account signed in with ``--user``, or the open folder's
    user (the operator of the office's profile)."""
    actor = getattr(args, "actor", None)
    if actor is not None:
        return actor
    from gridoffice.services import office

    profile = office.load_profile(db.path)
    return access.Actor.open(profile.operator if profile else "")


def _acting(service: Any, actor: access.Actor) -> Any:
    """``service`` acting as ``actor`` (as the window's container sets it)."""
    service.actor = actor
    if hasattr(service, "operator"):
        service.operator = actor.operator
    return service


def _ledger_values(args: argparse.Namespace, db: Any, entry: Any,
                   values: dict[str, Any]) -> tuple[str, access.Actor, dict[str, Any]]:
    """The office's name, who prints, and the ledger's values read for them (a grid
    worker's grid checked; the catalogue passes ``actor`` to the ledgers that mask or
    limit by it, and decides from it whether a reason is needed)."""
    actor = _actor(args, db)
    values = entry.arguments(db, values)
    cli_users.check_grid(args, values.get("grid_id"))
    values["actor"] = actor
    return _unit(db), actor, values


def cmd_ledger(args: argparse.Namespace) -> int:
    """Any ledger of the catalogue: its options read, made, recorded in the audit log."""
    entry = args.ledger_entry
    values = {parameter.name: getattr(args, parameter.name)
              for parameter in entry.parameters}
    if entry.output == "folder":
        return _print_letters(args, entry, values)
    return _print_ledger(args, entry, values)


def _print_ledger(args: argparse.Namespace, entry: Any, values: dict[str, Any]) -> int:
    """Open the data, make the ledger ``entry``, record it in the audit log before the
    file takes its name."""
    from gridoffice.services.audit import PRINT, AuditService

    db = _database(args)
    try:
        unit, actor, values = _ledger_values(args, db, entry, values)
        detail = entry.audit_detail(values, args.output)  # a reason when it needs one
        with AuditService(db, actor.audit_name).recorded_output(PRINT, entry.target(values),
                                                                detail):
            result = entry.make(db, args.output, unit=unit, values=values)
    finally:
        db.close()
    print(f"已生成 written: {result.path}（{result.pages} 页 pages, {result.rows} "
          f"{entry.unit_label}）")
    _warn_missing(result.missing_chars)
    return EXIT_OK


def _print_letters(args: argparse.Namespace, entry: Any, values: dict[str, Any]) -> int:
    """A ledger of one PDF per part, into the folder ``--output``."""
    from gridoffice.services.audit import PRINT, AuditService

    db = _database(args)
    try:
        unit, actor, values = _ledger_values(args, db, entry, values)
        # one audit entry per letter, each before its file takes its name
        with AuditService(db, actor.audit_name).recorded_output(PRINT, entry.target(values)):
            results = entry.make(db, args.output, unit=unit, values=values)
    finally:
        db.close()
    for result in results:
        print(f"已生成 written: {result.path}（{result.pages} 页 pages, {result.rows} "
              f"{entry.unit_label}）")
    print(f"共 {len(results)} 封反馈函 letters")
    _warn_missing(sorted({c for r in results for c in r.missing_chars}))
    return EXIT_OK


def _import_sheet(args: argparse.Namespace, excel: Any,
                  check: Callable[[Any, str, Any], Any],
                  imported: Callable[[Any], str]) -> int:
    """Check every row of a sheet, print each problem, and import only if there is none.

    ``excel`` is the import module (sheet_names, MSG_NO_SUCH_SHEET, apply);
    ``check(db, sheet, today)`` makes the plan; ``imported(result)`` says what was written.
    """
    import datetime as _dt

    db = _database(args)
    try:
        actor = _actor(args, db)  # records name the person, the audit log the account
        today = _dt.date.today()
        sheets = excel.sheet_names(args.file)
        sheet = args.sheet or sheets[0]  # a hidden or missing one is refused by name
        plan = check(db, sheet, today)
        for problem in plan.problems:
            text = problem.error.one_line() if problem.error else problem.message
            column = problem.column or ""
            where = f" / {column}" if column and not text.startswith(column) else ""
            print(f"第 {problem.row} 行 row {problem.row}{where}: {text}")
        counts = plan.counts()
        print(f"共 {counts['rows']} 行 rows: {counts['new']} 新增 new, "
              f"{counts['updated']} 更新 updates, {counts['problems']} 个问题 problems")
        if plan.problems:
            print("有问题，未导入任何数据 | problems found, nothing was imported",
                  file=sys.stderr)
            return EXIT_FAILED
        if args.dry_run:
            print("试运行，未写入 | dry run, nothing written")
            return EXIT_OK
        print(imported(excel.apply(db, plan, actor=actor, today=today)))
    finally:
        db.close()
    return EXIT_OK


def cmd_import_roster(args: argparse.Namespace) -> int:
    from gridoffice.services import roster_excel

    def check(db: Any, sheet: str, today: Any) -> Any:
        mapping = roster_excel.load_mapping(db, args.file, sheet)
        return roster_excel.dry_run(db, args.file, sheet, mapping, today=today)

    return _import_sheet(args, roster_excel, check, lambda result: (
        f"已导入 imported: {result.added} 新增 added, {result.updated} 更新 updated"))


def cmd_export_roster(args: argparse.Namespace) -> int:
    from gridoffice.ledgers.catalogue import find_org
    from gridoffice.services import roster_excel
    from gridoffice.services.excel.export import output_detail
    from gridoffice.services.roster import MemberQuery, RosterService
    from gridoffice.store import audit

    db = _database(args)
    try:
        actor = _actor(args, db)
        operator = actor.audit_name
        org_id, _name = find_org(db, args.org)
        service = _acting(RosterService(db, actor.operator), actor)
        # read a chunk at a time while written (the permission to reveal is checked
        # here, before the file)
        rows = service.iter_members(MemberQuery(org_id=org_id), reveal=args.full)
        detail = output_detail(actor, args.file, args.reason, revealed=args.full)
        with audit.recorded_output(db, operator, audit.EXPORT_FULL if args.full else "export",
                                   "roster", detail):
            count = roster_excel.export_members(rows, args.file, reveal=args.full, actor=actor)
    finally:
        db.close()
    print(f"已导出 exported: {args.file}（{count} 人 members）")
    return EXIT_OK


def cmd_import_residents(args: argparse.Namespace) -> int:
    from gridoffice.services import residents_excel

    def check(db: Any, sheet: str, today: Any) -> Any:
        mapping = residents_excel.load_mapping(args.file, sheet)
        return residents_excel.dry_run(db, args.file, sheet, mapping, today=today,
                                       create_buildings=args.create_buildings)

    return _import_sheet(args, residents_excel, check, lambda result: (
        f"已导入 imported: {result.added} 新增 added, {result.updated} 更新 updated, "
        f"{result.households} 新户 households"))


def cmd_export_residents(args: argparse.Namespace) -> int:
    from gridoffice.services import residents_excel
    from gridoffice.services.excel.export import output_detail
    from gridoffice.services.households import HouseholdService, ResidentQuery
    from gridoffice.store import audit

    db = _database(args)
    try:
        actor = _actor(args, db)
        operator = actor.audit_name
        service = _acting(HouseholdService(db, actor.operator), actor)
        grids = service.list_grids()
        grid_id = service.find_grid(args.grid, args.community).id if args.grid else None
        cli_users.check_grid(args, grid_id)
        # read a chunk at a time while written: an office of 100,000 residents is
        # never held whole (the permission to reveal is checked here, before the file)
        rows = service.iter_residents(ResidentQuery(grid_id=grid_id), reveal=args.full)
        detail = output_detail(actor, args.file, args.reason, revealed=args.full)
        with audit.recorded_output(db, operator, audit.EXPORT_FULL if args.full else "export",
                                   "residents", detail):
            count = residents_excel.export_residents(rows, args.file, reveal=args.full,
                                                     grid_names={g.id: g.name for g in grids},
                                                     actor=actor)
    finally:
        db.close()
    print(f"已导出 exported: {args.file}（{count} 人 residents）")
    return EXIT_OK


def _warn_missing(chars: list[str]) -> None:
    if chars:
        print(f"注意：字体缺少这些字，已在 PDF 中标出 | warning: the font lacks these characters, "
              f"marked in the PDF: {' '.join(chars)}", file=sys.stderr)


def _log_unraisable(unraisable: Any) -> None:
    log.debug("ignored while cleaning up: %r", unraisable.exc_value)


def main(argv: Sequence[str] | None = None) -> int:

    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    # An error ignored while cleaning up (a half-written sheet closed after a full
    # disk) goes to the log with --verbose, not as a traceback under the message.
    sys.unraisablehook = _log_unraisable
    try:
        _check_output(args)
        from gridoffice import paths
        from gridoffice.store import keys

        if keys.is_locked(paths.resolve(args.data_dir).database):
            cli_users.sign_in(args)  # encrypted: nothing can be read before
            if getattr(args, "needs_office", True):
                _require_office(args)
        else:
            if getattr(args, "needs_office", True):
                _require_office(args)
            cli_users.sign_in(args)
        code = int(args.handler(args))
        if code == EXIT_OK:
            cli_keys.encrypt_after(args)
        return code
    except UserError as exc:
        print(f"gridoffice-cli: {exc.one_line()}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("gridoffice-cli: 已取消 | cancelled", file=sys.stderr)
        return 130
    except Exception as exc:
        fault = fault_error(exc)  # a full disk, a locked database: said plainly
        if fault is None:
            raise
        log.debug("fault", exc_info=True)
        print(f"gridoffice-cli: {fault.one_line()}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
