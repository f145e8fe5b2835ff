"""Finding a grid by what a user types: its code or its name."""

from __future__ import annotations

import pytest

from gridoffice.errors import UserError
from gridoffice.services.households import GridDraft, HouseholdService

NUMBERS = "一二三四五六七八九十"


def test_code_or_name_and_a_refusal_listing_the_grids(db):
    service = HouseholdService(db, "王芳")
    with pytest.raises(UserError) as none:
        service.find_grid("第一网格")
    assert "no grid has been set up" in none.value.english()
    first = service.create_grid(GridDraft("110105001001001", "第一网格"))
    service.create_grid(GridDraft("110105001001002", "第二网格"))
    assert service.find_grid("110105001001001").id == first
    assert service.find_grid(" 第一 网格 ").id == first
    with pytest.raises(UserError) as unknown:
        service.find_grid("第九网格")
    text = unknown.value.one_line()
    assert "110105001001001 第一网格、110105001001002 第二网格" in text
    assert "没有“第九网格”这个网格" in text


def test_many_grids_list_the_nearest(db):
    service = HouseholdService(db, "王芳")
    for n in range(1, 13):
        name = f"第{NUMBERS[n - 1] if n <= 10 else '十' + NUMBERS[n - 11]}网格"
        service.create_grid(GridDraft(f"110105001001{n:03d}", name))
    with pytest.raises(UserError) as unknown:
        service.find_grid("110105001001013")
    message = unknown.value.english()
    assert "the nearest of the 12 grids" in message
    assert "110105001001012 第十二网格" in message
    assert message.count("网格") <= 10
