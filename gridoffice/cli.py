"""Headless commands (``gridoffice-cli``): info, demo data, ledgers.

Never imports Qt. Success exits 0; an expected failure prints one line
(Chinese | English) on stderr and exits 1; a usage error exits 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from gridoffice import __version__
from gridoffice.domain.dates import parse_date
from gridoffice.errors import UserError
from gridoffice.i18n import QT_TRANSLATE_NOOP

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
log = logging.getLogger("gridoffice.cli")


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error on one line in Chinese and English."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: 用法错误：{message}（见 --help） | "
                              f"usage error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="gridoffice-cli",
                     description="GridOffice (网格通) headless commands / 命令行工具")
    parser.add_argument("--version", action="version", version=f"GridOffice {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="data folder (default: $GRIDOFFICE_DATA_DIR or the user data dir)")
    parser.add_argument("--verbose", action="store_true", help="log debug messages to stderr")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    info = commands.add_parser("info", help="office, data folder, schema, counts and digests")
    info.add_argument("--json", action="store_true", help="print JSON")
    info.set_defaults(handler=cmd_info)

    demo = commands.add_parser("demo", help="fill an empty data folder with demo data")
    demo.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    demo.add_argument("--size", choices=("small", "large"), default="small")
    demo.set_defaults(handler=cmd_demo)

    ledger = commands.add_parser("ledger", help="print a PDF ledger (台账)")
    kinds = ledger.add_subparsers(dest="ledger", metavar="LEDGER", parser_class=_Parser)
    kinds.required = True
    orgs = kinds.add_parser("orgs", help="党组织设置一览表 (party organisations)")
    orgs.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    orgs.add_argument("--as-of", type=_date_arg, metavar="YYYY-MM-DD",
                      help="organisations and seats as they were on this day")
    orgs.set_defaults(handler=cmd_ledger_orgs)
    roster = kinds.add_parser("roster", help="党员花名册 (party-member roster)")
    roster.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    roster.add_argument("--org", metavar="NAME",
                        help="organisation (full or short name) and its sub-organisations")
    roster.add_argument("--as-of", type=_date_arg, metavar="YYYY-MM-DD",
                        help="the members who belonged on this day")
    roster.set_defaults(handler=cmd_ledger_roster)
    household = kinds.add_parser("household", help="网格户情登记表 (one form per household)")
    household.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    household.add_argument("--grid", required=True, metavar="CODE", help="grid code (or name)")
    household.add_argument("--community", metavar="NAME",
                       help="street office: the community whose grid is meant")
    household.add_argument("--building", metavar="NUMBER", help="only this building of the grid")
    household.set_defaults(handler=cmd_ledger_household)
    grid = kinds.add_parser("grid", help="网格户情汇总表 (the grid's residents)")
    grid.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    grid.add_argument("--grid", required=True, metavar="CODE", help="grid code (or name)")
    grid.add_argument("--community", metavar="NAME",
                       help="street office: the community whose grid is meant")
    grid.set_defaults(handler=cmd_ledger_grid)
    care = kinds.add_parser("care", help="关爱对象名单 (residents with a care tag)")
    care.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    care.add_argument("--tag", required=True, metavar="TAG",
                      help="care tag, Chinese label or code (e.g. 独居老人 or living_alone)")
    care.add_argument("--grid", metavar="CODE", help="grid code (default: the whole community)")
    care.add_argument("--community", metavar="NAME",
                       help="street office: the community whose grid is meant")
    care.set_defaults(handler=cmd_ledger_care)
    minutes = kinds.add_parser("minutes", help="会议记录 with its 签到表 (one meeting)")
    minutes.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    which = minutes.add_mutually_exclusive_group(required=True)
    which.add_argument("--meeting", metavar="ID",
                       help="the meeting number shown in the program, e.g. 20261110-1")
    which.add_argument("--date", type=_date_arg, metavar="YYYY-MM-DD",
                       help="the resident council held on this day")
    minutes.set_defaults(handler=cmd_ledger_minutes)
    followups = kinds.add_parser("followups",
                                 help="议事会决议落实情况跟踪表 (follow-ups of resolutions)")
    followups.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    followups.add_argument("--year", type=_year_arg, metavar="YYYY",
                           help="only the meetings of this year (default: all)")
    followups.set_defaults(handler=cmd_ledger_followups)
    meetings_summary = kinds.add_parser("meetings-summary",
                                        help="年度会议情况汇总表 (meetings of a year)")
    meetings_summary.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    meetings_summary.add_argument("--year", type=_year_arg, required=True, metavar="YYYY")
    meetings_summary.set_defaults(handler=cmd_ledger_meetings_summary)
    street_summary = kinds.add_parser("street-summary",
                                      help="街道社区工作情况汇总表 (figures per community)")
    street_summary.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    street_summary.add_argument("--year", type=_year_arg, metavar="YYYY",
                                help="meetings, follow-ups and points of this year "
                                     "(default: this year)")
    street_summary.set_defaults(handler=cmd_ledger_street_summary)
    checkin_register = kinds.add_parser("checkin-register",
                                        help="在职党员报到一览表 (in-service members)")
    checkin_register.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    checkin_register.set_defaults(handler=cmd_ledger_checkin_register)
    checkin_forms = kinds.add_parser("checkin-forms",
                                     help="在职党员报到登记表 (one page per member)")
    checkin_forms.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    checkin_forms.add_argument("--code", metavar="ZB0001",
                               help="only this member (default: every approved member)")
    checkin_forms.set_defaults(handler=cmd_ledger_checkin_forms)
    service_cards = kinds.add_parser("service-cards", help="服务记录卡 (one card per member)")
    service_cards.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    service_cards.add_argument("--period", metavar="PERIOD",
                               help="2026, 2026H1, 2026Q3 or 2026-07 (default: all records)")
    service_cards.add_argument("--code", metavar="ZB0001", help="only this member")
    service_cards.set_defaults(handler=cmd_ledger_service_cards)
    points = kinds.add_parser("points", help="积分公示表 (public notice of points)")
    points.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    points.add_argument("--period", required=True, metavar="PERIOD",
                        help="2026, 2026H1, 2026Q3 or 2026-07")
    points.add_argument("--unit", metavar="NAME",
                        help="only the members of this work unit (双向公示)")
    points.set_defaults(handler=cmd_ledger_points)
    unit_letters = kinds.add_parser("unit-letters",
                                    help="工作单位反馈函 (one PDF per work unit, into a folder)")
    unit_letters.add_argument("-o", "--output", required=True, metavar="DIR")
    unit_letters.add_argument("--period", required=True, metavar="PERIOD",
                              help="2026, 2026H1, 2026Q3 or 2026-07")
    unit_letters.set_defaults(handler=cmd_ledger_unit_letters)
    checkin_cards = kinds.add_parser("checkin-cards", help="报到卡 with QR codes (8 a page)")
    checkin_cards.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    checkin_cards.add_argument("--code", metavar="ZB0001", help="only this member")
    checkin_cards.set_defaults(handler=cmd_ledger_checkin_cards)
    post_posters = kinds.add_parser("post-posters",
                                    help="服务岗位二维码海报 (one page per open post)")
    post_posters.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    post_posters.set_defaults(handler=cmd_ledger_post_posters)

    setup = commands.add_parser("setup", help="set up this PC's office without the window")
    setup.add_argument("--role", choices=("street", "community"), required=True)
    setup.add_argument("--street", metavar="NAME", required=True, help="the street office")
    setup.add_argument("--community", metavar="NAME", help="the community (role community)")
    setup.add_argument("--pc", metavar="LABEL", default="", help="which PC of the office")
    setup.add_argument("--operator", metavar="NAME", default="管理员")
    setup.set_defaults(handler=cmd_setup)

    sync = commands.add_parser("sync", help="file-based sync with the street office")
    sync_kinds = sync.add_subparsers(dest="sync_kind", metavar="COMMAND", required=True)
    sync_identity = sync_kinds.add_parser("identity", help="write this PC's identity file")
    sync_identity.add_argument("-o", "--output", metavar="FILE", required=True)
    sync_identity.set_defaults(handler=cmd_sync_identity)
    sync_trust = sync_kinds.add_parser("trust", help="trust another office's identity file")
    sync_trust.add_argument("file", metavar="FILE")
    sync_trust.set_defaults(handler=cmd_sync_trust)
    sync_export = sync_kinds.add_parser(
        "export", help="write packages of the changes the peers have not acknowledged")
    sync_export.add_argument("--to", metavar="OFFICE",
                             help="only for this office or PC (name, label or id)")
    sync_export.add_argument("-o", "--output", metavar="FILE_OR_DIR", required=True)
    sync_export.set_defaults(handler=cmd_sync_export)
    sync_import = sync_kinds.add_parser("import", help="import package files, all or nothing")
    sync_import.add_argument("files", nargs="+", metavar="FILE")
    sync_import.add_argument("--json", action="store_true")
    sync_import.set_defaults(handler=cmd_sync_import)
    sync_status = sync_kinds.add_parser("status", help="each peer: packages, pending, "
                                        "conflicts, digests")
    sync_status.add_argument("--json", action="store_true")
    sync_status.set_defaults(handler=cmd_sync_status)
    sync_conflicts = sync_kinds.add_parser("conflicts", help="versions kept from conflicts")
    sync_conflicts.add_argument("--json", action="store_true")
    sync_conflicts.add_argument("--all", action="store_true", help="resolved ones too")
    sync_conflicts.set_defaults(handler=cmd_sync_conflicts)
    sync_resolve = sync_kinds.add_parser("resolve", help="settle one conflict")
    sync_resolve.add_argument("conflict", metavar="ID", help="its id (the first 8 digits do)")
    sync_resolve.add_argument("choice", choices=("keep", "take", "same_person", "different"))
    sync_resolve.set_defaults(handler=cmd_sync_resolve)
    sync_peers = sync_kinds.add_parser("peers", help="the offices this PC trusts")
    sync_peers.add_argument("--json", action="store_true")
    sync_peers.set_defaults(handler=cmd_sync_peers)

    imports = commands.add_parser("import", help="import data from Excel")
    import_kinds = imports.add_subparsers(dest="what", metavar="WHAT", parser_class=_Parser)
    import_kinds.required = True
    import_roster = import_kinds.add_parser("roster", help="party members from an .xlsx file")
    import_roster.add_argument("file", metavar="FILE.xlsx")
    import_roster.add_argument("--sheet", help="sheet name (default: the first)")
    import_roster.add_argument("--dry-run", action="store_true",
                               help="check every row and report; write nothing")
    import_roster.set_defaults(handler=cmd_import_roster)
    import_residents = import_kinds.add_parser("residents",
                                               help="residents (实有人口) from an .xlsx file")
    import_residents.add_argument("file", metavar="FILE.xlsx")
    import_residents.add_argument("--sheet", help="sheet name (default: the first)")
    import_residents.add_argument("--dry-run", action="store_true",
                                  help="check every row and report; write nothing")
    import_residents.add_argument("--create-buildings", action="store_true",
                                  help="create the buildings the file names that do not exist")
    import_residents.set_defaults(handler=cmd_import_residents)

    exports = commands.add_parser("export", help="export data to Excel")
    export_kinds = exports.add_subparsers(dest="what", metavar="WHAT", parser_class=_Parser)
    export_kinds.required = True
    export_roster = export_kinds.add_parser("roster", help="the active party members, masked")
    export_roster.add_argument("file", metavar="FILE.xlsx")
    export_roster.add_argument("--org", metavar="NAME", help="organisation and its sub-orgs")
    export_roster.add_argument("--full", action="store_true",
                               help="full ID numbers and phones (audited), to import back")
    export_roster.set_defaults(handler=cmd_export_roster)
    export_residents = export_kinds.add_parser("residents", help="the residents, masked")
    export_residents.add_argument("file", metavar="FILE.xlsx")
    export_residents.add_argument("--grid", metavar="CODE", help="only this grid")
    export_residents.add_argument("--full", action="store_true",
                                  help="full ID numbers and phones (audited), to import back")
    export_residents.set_defaults(handler=cmd_export_residents)
    return parser


def _date_arg(text: str) -> dt.date:
    try:
        day = parse_date(text)
        if day is None:
            raise ValueError(text)
        return day
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日期应写作 2026-11-01、2026/11/01、2026.11.1 或 2026年11月1日：{text} | "
            f"expected a date such as 2026-11-01, 2026/11/01 or 2026.11.1: {text}"
        ) from None


def _year_arg(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        year = 0
    if not 1900 <= year <= 2999:
        raise argparse.ArgumentTypeError(
            f"年份应为四位数字：{text} | expected a year YYYY: {text}")
    return year


# --- commands ---------------------------------------------------------------
def _open(args: argparse.Namespace) -> Any:
    from gridoffice import paths
    from gridoffice.store.files import open_database

    app_paths = paths.resolve(args.data_dir)
    return app_paths, open_database(app_paths)


def _database(args: argparse.Namespace) -> Any:
    from gridoffice.store.database import Database

    _paths, opened = _open(args)
    return Database(opened.path)


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


MSG_COMMUNITY_NAME = QT_TRANSLATE_NOOP(
    "errors", "Community: a community office needs --community NAME; a street office "
    "takes none.")


def cmd_setup(args: argparse.Namespace) -> int:
    from gridoffice.services import office
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

    return SyncService(_database(args))


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

    db = _database(args)
    try:
        summary = demo.fill(db, seed=args.seed, size=args.size)
    finally:
        db.close()
    if summary.work_units:
        print(f"已生成街道演示数据 street demo data added: {summary.work_units} 个工作单位 "
              "work units (社区数据经同步到达 the communities' records arrive by sync)")
        return EXIT_OK
    print(f"已生成演示数据 demo data added: {summary.orgs} 个党组织 orgs, "
          f"{summary.seats} 个职务 seats, {summary.members} 名党员 members, "
          f"{summary.households} 户 households, {summary.residents} 名居民 residents, "
          f"{summary.meetings} 次会议 meetings, "
          f"{summary.registrations} 名在职党员报到 in-service registrations")
    return EXIT_OK


def cmd_ledger_orgs(args: argparse.Namespace) -> int:
    from gridoffice.ledgers.org_ledger import render_org_ledger

    return _print_ledger(args, "orgs", "行 rows", lambda db, unit: render_org_ledger(
        db, args.output, unit=unit, as_of=args.as_of))


MSG_NO_SUCH_ORG = QT_TRANSLATE_NOOP(
    "errors", "Organisation: there is no organisation called {name}."
)


def _find_org(db: Any, name: str | None) -> tuple[str | None, str | None]:
    """(id, full name) of the organisation called ``name`` (full or short name)."""
    if not name:
        return None, None
    from gridoffice.services.orgs import OrgService

    wanted = " ".join(name.split())
    for node in OrgService(db).list_orgs():
        if wanted in (node.name, node.short_name):
            return node.id, node.name
    raise UserError(MSG_NO_SUCH_ORG, name=wanted)


def _operator(db: Any) -> tuple[str, str]:
    from gridoffice.services import office

    profile = office.load_profile(db.path)
    return (profile.name, profile.operator) if profile else ("", "")


def _print_ledger(args: argparse.Namespace, target: str, unit_label: str,
                  render: Callable[[Any, str], Any]) -> int:
    """Open the data, make a ledger with ``render(db, unit)``, record it in the audit log."""
    from gridoffice.services.roster import RosterService

    db = _database(args)
    try:
        unit, operator = _operator(db)
        result = render(db, unit)
        RosterService(db, operator).audit("print", target, str(result.path))
    finally:
        db.close()
    print(f"已生成 written: {result.path}（{result.pages} 页 pages, {result.rows} {unit_label}）")
    _warn_missing(result.missing_chars)
    return EXIT_OK


def cmd_ledger_roster(args: argparse.Namespace) -> int:
    from gridoffice.ledgers.roster_ledger import render_roster_ledger

    def render(db: Any, unit: str) -> Any:
        org_id, org_name = _find_org(db, args.org)
        return render_roster_ledger(db, args.output, unit=unit, org_id=org_id,
                                    org_name=org_name, as_of=args.as_of)

    return _print_ledger(args, "roster", "行 rows", render)


def cmd_ledger_household(args: argparse.Namespace) -> int:
    from gridoffice.ledgers import household_ledger
    from gridoffice.services import office

    def render(db: Any, unit: str) -> Any:
        profile = office.load_profile(db.path)
        grid_id, _name = household_ledger.find_grid(db, args.grid, args.community)
        building_id = (household_ledger.find_building(db, grid_id, args.building)
                       if args.building else None)
        return household_ledger.render_household_forms(
            db, args.output, unit=unit, grid_id=grid_id, building_id=building_id,
            street=profile.street if profile else "")

    return _print_ledger(args, "household_forms", "户 households", render)


def cmd_ledger_grid(args: argparse.Namespace) -> int:
    from gridoffice.ledgers import household_ledger

    def render(db: Any, unit: str) -> Any:
        grid_id, _name = household_ledger.find_grid(db, args.grid, args.community)
        return household_ledger.render_grid_summary(db, args.output, unit=unit,
                                                    grid_id=grid_id)

    return _print_ledger(args, "grid_summary", "行 rows", render)


def cmd_ledger_care(args: argparse.Namespace) -> int:
    from gridoffice.ledgers import household_ledger

    tag = household_ledger.care_tag_code(args.tag)

    def render(db: Any, unit: str) -> Any:
        grid_id = (household_ledger.find_grid(db, args.grid, args.community)[0]
                   if args.grid else None)
        return household_ledger.render_care_list(db, args.output, unit=unit, tag=tag,
                                                 grid_id=grid_id)

    return _print_ledger(args, f"care_list:{tag}", "行 rows", render)


def cmd_ledger_minutes(args: argparse.Namespace) -> int:
    from gridoffice.ledgers import minutes_ledger

    def render(db: Any, unit: str) -> Any:
        meeting_id = (minutes_ledger.find_meeting(db, args.meeting) if args.meeting
                      else minutes_ledger.council_on(db, args.date))
        return minutes_ledger.render_minutes(db, args.output, unit=unit, meeting_id=meeting_id)

    return _print_ledger(args, "meeting_minutes", "个议题 agenda items", render)


def cmd_ledger_followups(args: argparse.Namespace) -> int:
    from gridoffice.ledgers import minutes_ledger

    return _print_ledger(args, "meeting_follow_ups", "件 follow-ups", lambda db, unit: (
        minutes_ledger.render_follow_up_ledger(db, args.output, unit=unit, year=args.year)))


def cmd_ledger_meetings_summary(args: argparse.Namespace) -> int:
    from gridoffice.ledgers import minutes_ledger

    return _print_ledger(args, f"meeting_summary:{args.year}", "次议事会 councils",
                         lambda db, unit: minutes_ledger.render_year_summary(
                             db, args.output, unit=unit, year=args.year))


def cmd_ledger_street_summary(args: argparse.Namespace) -> int:
    from gridoffice.ledgers import street_ledger
    from gridoffice.services import office

    year = args.year or dt.date.today().year

    def render(db: Any, unit: str) -> Any:
        # 填报单位 is the office that prints it. A community office prints its own
        # line, under its own name, to send up to its street office: that is what
        # the street asks it for, and the street's name would claim the street
        # filled it in.
        profile = office.load_profile(db.path)
        community = None
        if profile is not None and not profile.is_street:
            community = (office.office_id_for(profile), profile.street)
        return street_ledger.render_street_summary(
            db, args.output, unit=profile.name if profile else unit, year=year,
            community=community)

    return _print_ledger(args, f"street_summary:{year}", "个社区 communities", render)


def _period_arg(text: str | None) -> Any:
    """The period typed on the command line; UserError (one line, exit 1) when bad."""
    if text is None:
        return None
    from gridoffice.services.inservice import parse_period_or_fail

    return parse_period_or_fail(text)


def _registration_arg(db: Any, code: str | None) -> str | None:
    if not code:
        return None
    from gridoffice.ledgers import inservice_ledger

    return inservice_ledger.find_registration(db, code)


def cmd_ledger_checkin_register(args: argparse.Namespace) -> int:
    from gridoffice.ledgers import inservice_ledger

    return _print_ledger(args, "inservice_register", "人 members", lambda db, unit: (
        inservice_ledger.render_checkin_register(db, args.output, unit=unit)))


def cmd_ledger_checkin_forms(args: argparse.Namespace) -> int:
    from gridoffice.ledgers import inservice_ledger

    return _print_ledger(args, "inservice_forms", "人 members", lambda db, unit: (
        inservice_ledger.render_checkin_forms(db, args.output, unit=unit,
                                              registration_id=_registration_arg(db, args.code))))


def cmd_ledger_service_cards(args: argparse.Namespace) -> int:
    from gridoffice.ledgers import inservice_ledger

    period = _period_arg(args.period)
    target = "inservice_service_cards" + (f":{period.text}" if period else "")
    return _print_ledger(args, target, "张 cards", lambda db, unit: (
        inservice_ledger.render_service_cards(db, args.output, unit=unit, period=period,
                                              registration_id=_registration_arg(db, args.code))))


def cmd_ledger_points(args: argparse.Namespace) -> int:
    from gridoffice.ledgers import inservice_ledger

    period = _period_arg(args.period)

    def render(db: Any, unit: str) -> Any:
        work_unit_id = inservice_ledger.find_work_unit(db, args.unit) if args.unit else None
        return inservice_ledger.render_points_notice(db, args.output, unit=unit, period=period,
                                                     work_unit_id=work_unit_id)

    return _print_ledger(args, f"inservice_points:{period.text}", "人 members", render)


def cmd_ledger_unit_letters(args: argparse.Namespace) -> int:
    from gridoffice.ledgers import inservice_ledger
    from gridoffice.services.roster import RosterService

    period = _period_arg(args.period)
    db = _database(args)
    try:
        unit, operator = _operator(db)
        results = inservice_ledger.render_unit_letters(db, args.output, unit=unit,
                                                       period=period)
        audit = RosterService(db, operator)
        for result in results:
            audit.audit("print", f"inservice_unit_letter:{period.text}", str(result.path))
    finally:
        db.close()
    for result in results:
        print(f"已生成 written: {result.path}（{result.pages} 页 pages, {result.rows} 人 members）")
    print(f"共 {len(results)} 封反馈函 letters")
    _warn_missing(sorted({c for r in results for c in r.missing_chars}))
    return EXIT_OK


def cmd_ledger_checkin_cards(args: argparse.Namespace) -> int:
    from gridoffice.ledgers import inservice_ledger

    return _print_ledger(args, "inservice_checkin_cards", "张 cards", lambda db, unit: (
        inservice_ledger.render_checkin_cards(db, args.output, unit=unit,
                                              registration_id=_registration_arg(db, args.code))))


def cmd_ledger_post_posters(args: argparse.Namespace) -> int:
    from gridoffice.ledgers import inservice_ledger

    return _print_ledger(args, "inservice_post_posters", "个岗位 posts", lambda db, unit: (
        inservice_ledger.render_post_posters(db, args.output, unit=unit)))


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
        _unit, operator = _operator(db)
        today = _dt.date.today()
        sheets = excel.sheet_names(args.file)
        sheet = args.sheet or sheets[0]
        if sheet not in sheets:
            raise UserError(excel.MSG_NO_SUCH_SHEET, sheet=sheet, sheets="、".join(sheets))
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
        print(imported(excel.apply(db, plan, operator=operator, today=today)))
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
    from gridoffice.services import roster_excel
    from gridoffice.services.roster import MemberQuery, RosterService
    from gridoffice.store import audit

    db = _database(args)
    try:
        _unit, operator = _operator(db)
        org_id, _name = _find_org(db, args.org)
        service = RosterService(db, operator)
        rows = service.list_members(MemberQuery(org_id=org_id), reveal=args.full)
        # written through atomic_output
        roster_excel.export_members(rows, args.file, reveal=args.full)
        service.audit(audit.EXPORT_FULL if args.full else "export", "roster", str(args.file))
    finally:
        db.close()
    print(f"已导出 exported: {args.file}（{len(rows)} 人 members）")
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
    from gridoffice.services.households import HouseholdService
    from gridoffice.services.roster import RosterService
    from gridoffice.store import audit

    db = _database(args)
    try:
        _unit, operator = _operator(db)
        service = HouseholdService(db, operator)
        grids = service.list_grids()
        grid_id = None
        if args.grid:
            found = [g for g in grids if g.code == args.grid.strip()]
            if not found:
                raise UserError(MSG_NO_SUCH_GRID, code=args.grid)
            grid_id = found[0].id
        rows = service.residents(grid_id, reveal=args.full)
        residents_excel.export_residents(rows, args.file, reveal=args.full,
                                         grid_names={g.id: g.name for g in grids})
        RosterService(db, operator).audit(audit.EXPORT_FULL if args.full else "export",
                                          "residents", str(args.file))
    finally:
        db.close()
    print(f"已导出 exported: {args.file}（{len(rows)} 人 residents）")
    return EXIT_OK


MSG_NO_SUCH_GRID = QT_TRANSLATE_NOOP("errors", "There is no grid with the code {code}.")


def _warn_missing(chars: list[str]) -> None:
    if chars:
        print(f"注意：字体缺少这些字，已在 PDF 中标出 | warning: the font lacks these characters, "
              f"marked in the PDF: {' '.join(chars)}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.handler(args))
    except UserError as exc:
        print(f"gridoffice-cli: {exc.one_line()}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("gridoffice-cli: 已取消 | cancelled", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
