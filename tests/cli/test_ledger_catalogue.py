"""The command line's ledgers are the catalogue's: one sub-command per entry with the
options it declares, and each one records exactly one audit entry per file under the
catalogue's target."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pytest

from gridoffice import cli
from gridoffice.ledgers import catalogue
from tests import sql
from tests.conftest import cli_demo
from tests.ledgers.demo_ledgers import demo_facts, ledger_arguments


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_the_ledger_subcommands_are_the_catalogues_with_its_options():
    kinds = _subcommands(_subcommands(cli.build_parser())["ledger"])
    entries = catalogue.on_command_line()
    assert list(kinds) == [entry.name for entry in entries]
    assert all(entry.cli for entry in entries)
    assert {entry.name for entry in catalogue.LEDGERS if not entry.cli} == {"sign-in"}
    for entry in entries:
        parser = kinds[entry.name]
        assert parser.description == entry.help
        options = {a.dest: a for a in parser._actions if a.dest not in ("help", "output")}
        assert list(options) == [p.name for p in entry.parameters], entry.name
        for parameter in entry.parameters:
            option = options[parameter.name]
            assert tuple(option.option_strings) == parameter.flags
            assert option.help == parameter.help
            assert option.metavar == parameter.metavar
            assert option.default == parameter.default
            assert option.choices == parameter.choices
            # a parameter of a group is required as the group, not alone
            assert option.required == (parameter.required and not parameter.group)
            assert (option.type is None) == (parameter.kind == "text")
        output = next(a for a in parser._actions if a.dest == "output")
        assert output.required and output.option_strings == ["-o", "--output"]
        assert output.metavar == ("DIR" if entry.output == "folder" else "FILE.pdf")
        groups = {p.group for p in entry.parameters if p.group}
        exclusive = [g for g in parser._mutually_exclusive_groups if g.required]
        assert len(exclusive) == len(groups)


def test_lookups():
    assert catalogue.by_name("roster").title == "党员花名册"
    assert [e.name for e in catalogue.for_area("households")] == ["household", "grid", "care"]
    with pytest.raises(KeyError):
        catalogue.by_name("nothing")
    for entry in catalogue.LEDGERS:
        assert entry.area in (*catalogue.AREAS, None)
        assert entry.permission in (catalogue.PRINT, catalogue.PRINT_PERSONAL)
        assert entry.render_function() is not None
        if entry.area is not None:
            assert entry.actions and entry.progress_label
            assert entry.preview_title or entry.output == "folder"


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return cli_demo(tmp_path_factory.mktemp("catalogue") / "office", 1)


def _arguments(data: Path) -> dict[str, tuple[list[str], str]]:
    """Each ledger's arguments from the demo, and the audit target it must record."""
    import datetime as dt

    facts, arguments = demo_facts(data), ledger_arguments(data)
    year, quarter = facts.year, facts.quarter
    arguments["service-cards"] = ["--period", quarter]
    targets = {
        "orgs": "orgs", "roster": "roster", "household": "household_forms",
        "grid": "grid_summary", "care": "care_list:living_alone",
        "minutes": "meeting_minutes", "followups": "meeting_follow_ups",
        "meetings-summary": f"meeting_summary:{year}",
        "street-summary": f"street_summary:{dt.date.today().year}",
        "report": f"work_report:{year}",
        "checkin-register": "inservice_register", "checkin-forms": "inservice_forms",
        "service-cards": f"inservice_service_cards:{quarter}",
        "points": f"inservice_points:{quarter}",
        "unit-letters": f"inservice_unit_letter:{quarter}",
        "checkin-cards": "inservice_checkin_cards", "post-posters": "inservice_post_posters",
        "needs": f"cobuild_needs:{dt.date.today().year}", "resources": "cobuild_resources",
        "services": "cobuild_services", "units": "cobuild_units",
        "work-orders": "cobuild_work_orders",
        "orders": f"cobuild_street_orders:{dt.date.today().year}",
        "review-forms": f"cobuild_review_forms:{dt.date.today().year}",
        "review": f"cobuild_review:{year}",
    }
    return {name: (arguments[name], target) for name, target in targets.items()}


def test_every_ledger_records_one_audit_entry_per_file_under_its_target(
        template, tmp_path, capsys):
    data = tmp_path / "office"
    shutil.copytree(template, data)
    arguments = _arguments(data)
    assert set(arguments) == {entry.name for entry in catalogue.on_command_line()}
    database = data / "gridoffice.sqlite3"
    for name, (extra, target) in arguments.items():
        with sql.connect(database) as con:
            before = con.execute("SELECT max(rowid) FROM audit_log").fetchone()[0] or 0
        out = tmp_path / (name if name == "unit-letters" else f"{name}.pdf")
        code = cli.main(["--data-dir", str(data), "ledger", name, *extra, "-o", str(out)])
        assert code == 0, capsys.readouterr()
        capsys.readouterr()
        files = sorted(out.glob("*.pdf")) if out.is_dir() else [out]
        with sql.connect(database) as con:
            rows = con.execute("SELECT action, target, detail FROM audit_log "
                               "WHERE rowid > ?", (before,)).fetchall()
        assert files and all(f.is_file() for f in files)
        assert sorted(rows) == sorted(("print", target, str(f)) for f in files), name


def test_every_ledger_is_made_by_a_module_the_bundle_carries():
    """The catalogue imports a ledger's module by name, which the bundle's import
    scanner cannot see: build.spec collects the ledgers package for both programs."""
    from tests.conftest import ROOT

    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert 'LEDGERS = collect_submodules("gridoffice.ledgers")' in spec
    assert spec.count("*LEDGERS") == 2  # the window and the command line
    for entry in catalogue.LEDGERS:
        module = entry.render.partition(":")[0]
        assert module.startswith("gridoffice.ledgers."), entry.name
        assert callable(entry.render_function()), entry.name
