"""Residents' orders at a street's yearly scale: 4,200 orders (Yunyang's year) with
about four steps each, in one community's file.

Run: BENCHMARK_JSON_DIR=/tmp/bench python -m pytest tests/benchmarks/test_orders_scale.py \
         -m benchmark -s -p no:randomly

- the orders page's list (every order with the status its steps fold to), the overdue
  filter, the completion rates by category, one order's detail, and the workbench's
  order items on a plain connection. Baseline: the same orders and steps read with two
  bare SELECTs on a raw connection (what any list of them has to read). Aim: the list
  ≤ 250 ms (a page refreshed after each step recorded), one order ≤ 20 ms.
"""

from __future__ import annotations

import datetime as dt
import random
import time

import pytest

from tests.benchmarks.report import Figure, median, report, timings

ORDERS = 4_200
TODAY = dt.date(2026, 11, 21)


def _fill(db, rng: random.Random) -> list[str]:
    """The orders and their steps, as the service would store them, in bulk."""
    from gridoffice.domain import cobuild
    from gridoffice.store.tables import OrderStep, ServiceOrder, WorkUnit

    categories = [c.code for c in cobuild.CATEGORIES]
    with db.write() as session:
        units = db.bulk_insert(session, WorkUnit, [
            {"name": f"单位{n}", "unit_type": "government"} for n in range(40)])
        orders, steps = [], []
        for n in range(ORDERS):
            raised = TODAY - dt.timedelta(days=rng.randint(0, 360))
            order_id = f"o{n:05d}"
            orders.append({"id": order_id, "code": f"2026-{n + 1:04d}", "raised_on": raised,
                           "person_name": "张桂兰", "category": rng.choice(categories),
                           "urgency": rng.choice(("urgent", "normal", "normal")),
                           "description": "楼道声控灯不亮，需要维修", "source": "phone"})
            at = dt.datetime.combine(raised, dt.time(9))
            path = [("assign", "unit"), ("claim", None), ("complete", None), ("rate", None)]
            for index, (kind, assignee) in enumerate(path[:rng.randint(0, 4)]):
                steps.append({"order_id": order_id, "kind": kind, "office": "community",
                              "at": at + dt.timedelta(days=index),
                              "assignee_kind": assignee,
                              "assignee_id": rng.choice(units) if assignee else None,
                              "assignee_name": "单位" if assignee else "",
                              "text": "已办" if kind == "complete" else "",
                              "rating": 5 if kind == "rate" else None})
        db.bulk_insert(session, ServiceOrder, orders)
        db.bulk_insert(session, OrderStep, steps)
    return [o["id"] for o in orders]


@pytest.mark.benchmark
def test_orders_at_a_years_scale(tmp_path):
    from gridoffice import paths
    from gridoffice.domain.access import Actor
    from gridoffice.services import office, workbench
    from gridoffice.services.cobuild import CobuildService, OrderQuery
    from gridoffice.store.database import Database
    from gridoffice.store.files import connect, open_database

    opened = open_database(paths.resolve(tmp_path / "office"))
    office.save_profile(opened.path, office.OfficeProfile("幸福里社区", "幸福街道",
                                                          "community", "王芳"))
    db = Database(opened.path)
    ids = _fill(db, random.Random(7))
    service = CobuildService(db, "王芳", today=TODAY)
    conn = connect(opened.path, read_only=True)

    def bare() -> None:
        conn.execute("SELECT * FROM service_order WHERE NOT deleted").fetchall()
        conn.execute("SELECT * FROM order_step WHERE NOT deleted").fetchall()

    base = timings(bare, 7)
    listed = timings(service.orders, 7)
    overdue = timings(lambda: service.orders(OrderQuery(state="overdue")), 7)
    rates = timings(lambda: service.completion(2026, "category"), 7)
    rules = workbench.TodoRules(TODAY)
    todo = timings(lambda: workbench._cobuild(conn, Actor.open("王芳"), rules), 7)
    picks = ids[:: len(ids) // 20]
    one = []
    for order_id in picks:
        start = time.perf_counter()
        service.order(order_id)
        one.append((time.perf_counter() - start) * 1000)
    conn.close()
    db.close()
    report("orders_scale", [
        Figure(f"orders page: every order of {ORDERS} with its status", median(listed),
               median(base), aim="≤ 250 ms",
               note="baseline: two bare SELECTs of the orders and the steps"),
        Figure("orders page: overdue only", median(overdue), median(base)),
        Figure("completion rates by category", median(rates), median(base)),
        Figure("workbench: the order items (plain connection)", median(todo), median(base)),
        Figure(f"one order's detail, median of {len(one)}", median(one), aim="≤ 20 ms"),
    ])
    assert median(listed) <= 750  # 3 x the aim
    assert median(one) <= 60
