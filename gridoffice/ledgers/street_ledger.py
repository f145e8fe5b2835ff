"""The street office's 街道社区工作情况汇总表: one line of figures per community
and a 合计 line (A4 landscape), from :func:`street_summary.street_summary`.

Only counts are printed, nothing personal. Like every ledger, paper is an
official Chinese form: titles and column heads are the printed wording.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence

from gridoffice.domain.access import Actor
from gridoffice.ledgers.engine import (
    INFO_SIZE,
    Column,
    LedgerResult,
    TableDrawer,
    ledger_result,
    open_ledger,
    progress_check,
)
from gridoffice.services.street_summary import CommunityFigures, street_summary, totals
from gridoffice.store.database import Database

__all__ = ["COLUMNS", "TITLE", "TOTAL", "render_street_summary", "summary_rows", "title"]

TITLE = "街道社区工作情况汇总表"
TOTAL = "合计"
ROW_HEIGHT = 22.0  # points: a summary of a few lines, read across a wide page
COLUMNS = (
    Column("社区", 2.2),
    Column("党员", 0.9, "center"),
    Column("预备期满未转正", 1.3, "center"),
    Column("户数", 0.9, "center"),
    Column("居民", 0.9, "center"),
    Column("召开会议", 0.9, "center"),
    Column("办结事项", 0.9, "center"),
    Column("在职党员报到", 1.2, "center"),
    Column("积分", 0.9, "center"),
)


def title(year: int) -> str:
    """``2026年街道社区工作情况汇总表``."""
    return f"{year}年{TITLE}"


def _cells(line: CommunityFigures, name: str) -> tuple[str, ...]:
    return (name, str(line.members), str(line.probationary_overdue), str(line.households),
            str(line.residents), str(line.meetings_held), str(line.followups_done),
            str(line.registrations), str(line.points))


def summary_rows(lines: Sequence[CommunityFigures]) -> list[tuple[str, ...]]:
    """The table rows: one per community, then 合计."""
    return [_cells(line, line.name) for line in lines] + [_cells(totals(lines), TOTAL)]


def _note(year: int) -> str:
    return (f"说明：党员、预备期满未转正、户数、居民、在职党员报到为填报日期的现有数"
            f"（在职党员报到指审核通过且未退出的）；召开会议为{year}年内已结束的各类会议，"
            f"办结事项为{year}年内完成的决议落实事项，积分为{year}年内在职党员积分合计。")


def render_street_summary(db: Database, path: str | os.PathLike[str], *, unit: str, year: int,
                          progress: Callable[[int, int], bool] | None = None,
                          today: dt.date | None = None,
                          community: tuple[str, str] | None = None,
                          actor: Actor | None = None) -> LedgerResult:
    """街道社区工作情况汇总表 of ``year``; ``unit`` is the office that prints it
    (填报单位): the street office, with a line per community under a chart of the
    communities' party members and in-service members.

    ``community`` is ``(office id, street name)`` when a community office prints
    it: then only its own line, headed "（和平社区报幸福街道）", to be sent up.

    ``LedgerResult.rows`` is the number of communities. ``progress`` returning
    False cancels (``Cancelled``, no file written). An ``actor`` limited to some
    communities gets those communities' lines only.
    """
    day = today or dt.date.today()
    lines = street_summary(db, year, day, actor=actor)
    subtitle = None
    if community is not None:
        office_id, street = community
        lines = [line for line in lines if line.office_id == office_id]
        subtitle = f"（{unit}报{street}）" if street else None
    check = progress_check(progress, len(lines))
    check(0)
    heading = title(year)
    with open_ledger(path, title=heading, landscape=True, subject=unit) as writer:
        writer.draw_heading(heading, subtitle=subtitle, unit=unit, date=day)
        if len(lines) > 1:  # the communities side by side, as the street's workbench shows
            from gridoffice.ledgers.report_ledger import draw_chart
            from gridoffice.services.charts import communities_chart

            draw_chart(writer, communities_chart(lines))
            writer.y -= 8  # the legend apart from the table
        table = TableDrawer(writer, COLUMNS, font_size=INFO_SIZE, row_height=ROW_HEIGHT)
        if not lines:
            table.add_row(())  # no community yet: the ruled header, a "—" row, then 合计
        rows = summary_rows(lines)
        for done, row in enumerate(rows, start=1):
            table.add_row(row)
            check(min(done, len(lines)))
        signatures = ("负责人", "填表人")
        table.finish(keep_with=writer.paragraph_height(_note(year), INFO_SIZE, space_before=6.0)
                     + writer.signatures_height(signatures))
        writer.draw_paragraph(_note(year), INFO_SIZE, space_before=6.0)
        writer.draw_signatures(signatures)
    return ledger_result(path, writer, len(lines))
