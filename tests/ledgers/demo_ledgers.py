"""What each command-line ledger needs, taken from a demo data folder (shared by the
tests that print every ledger)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from tests import sql


class DemoFacts(NamedTuple):
    grid: str  # the first grid's code
    council: str  # the day of the first council, YYYY-MM-DD
    year: int  # of the latest service record
    quarter: str  # of the latest service record: 2026Q3


def demo_facts(data: Path) -> DemoFacts:
    with sql.connect(data / "gridoffice.sqlite3") as con:
        grid = con.execute("SELECT code FROM grid WHERE NOT deleted ORDER BY code").fetchone()[0]
        council = con.execute(
            "SELECT substr(start_at, 1, 10) FROM meeting WHERE NOT deleted "
            "AND meeting_type = 'council' ORDER BY start_at").fetchone()[0]
        period = con.execute("SELECT max(on_date) FROM service_record").fetchone()[0]
    year, month = int(period[:4]), int(period[5:7])
    return DemoFacts(grid, council, year, f"{year}Q{(month - 1) // 3 + 1}")


def ledger_arguments(data: Path) -> dict[str, list[str]]:
    """The arguments each ledger needs, by its subcommand."""
    facts = demo_facts(data)
    return {
        "orgs": [], "roster": [], "household": ["--grid", facts.grid, "--building", "1"],
        "grid": ["--grid", facts.grid], "care": ["--tag", "独居老人"],
        "minutes": ["--date", facts.council], "followups": [],
        "meetings-summary": ["--year", str(facts.year)], "street-summary": [],
        "report": ["--year", str(facts.year)],
        "checkin-register": [], "checkin-forms": [], "service-cards": [],
        "points": ["--period", facts.quarter], "unit-letters": ["--period", facts.quarter],
        "checkin-cards": [], "post-posters": [],
        "needs": [], "resources": [], "services": [], "units": [], "work-orders": [],
        "orders": [], "review-forms": [], "review": ["--year", str(facts.year)],
    }
