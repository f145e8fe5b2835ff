"""Composition root of the GUI: args -> paths -> logging -> database -> Qt.

The database is checked and migrated with plain sqlite3 before Qt starts, so
an unusable data folder is reported before anything else happens. SQLAlchemy
and the services are imported after the window is shown (start-up speed).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from gridoffice import __version__
from gridoffice.errors import UserError
from gridoffice.i18n import SUPPORTED_LANGUAGES, system_language


def _help_formatter(prog: str) -> argparse.HelpFormatter:
    """argparse's own, told the terminal's width: left to find it, argparse imports
    shutil (and with it lzma and bz2) for every option it is given, before the
    window shows."""
    try:
        width = os.get_terminal_size().columns - 2
    except (OSError, ValueError):
        width = 78
    return argparse.HelpFormatter(prog, width=max(width, 40))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gridoffice",
                                     description="GridOffice (网格通) desktop program",
                                     formatter_class=_help_formatter)
    parser.add_argument("--version", action="version", version=f"GridOffice {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="data folder (default: $GRIDOFFICE_DATA_DIR or the user data dir)")
    parser.add_argument("--language", choices=SUPPORTED_LANGUAGES,
                        help="interface language for this run")
    parser.add_argument("--exit-after-show", action="store_true",
                        help="show the main window, then exit 0 (smoke tests, benchmarks)")
    parser.add_argument("--verbose", action="store_true", help="debug logging")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from gridoffice import logs, paths
    from gridoffice.app_context import AppContext
    from gridoffice.services import office
    from gridoffice.store import keys
    from gridoffice.store.files import OpenedDatabase, open_database

    app_paths = paths.resolve(args.data_dir)
    log_file = logs.setup(app_paths.log_dir, verbose=args.verbose)
    log = logging.getLogger("gridoffice")
    language = args.language or ""  # the office's own setting is read below
    if keys.is_locked(app_paths.database):
        # Encrypted: nothing can be read before the sign-in, which opens and updates the
        # file; the key file tells the office's name and language meanwhile.
        _office_name, language_setting = keys.preface(app_paths.database)
        language = args.language or language_setting or system_language()
        context = AppContext(app_paths, OpenedDatabase(app_paths.database, 0, False, None, None),
                             language, language_setting, None,
                             str(log_file) if log_file else None, args.exit_after_show,
                             locked=True)
        log.info("GridOffice %s starting, encrypted data in %s", __version__,
                 app_paths.data_dir)
        from gridoffice.ui.app import run

        return run(context)
    try:
        opened = open_database(app_paths, quick_check=False)  # checked once shown
        paths.clear_private_temp(app_paths.data_dir)  # what a killed run left there
        language_setting, profile = office.load_language_and_profile(opened.path)
        language = args.language or language_setting or system_language()
    except UserError as exc:
        log.error("cannot open data: %s", exc)
        from gridoffice.ui.app import show_fatal_error

        return show_fatal_error(exc, language or system_language())
    context = AppContext(app_paths, opened, language, language_setting, profile,
                         str(log_file) if log_file else None, args.exit_after_show)
    log.info("GridOffice %s starting, data in %s", __version__, app_paths.data_dir)
    from gridoffice.ui.app import run

    return run(context)


if __name__ == "__main__":
    sys.exit(main())
