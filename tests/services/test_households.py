"""Grids, buildings, houses, households and residents on a real database."""

from __future__ import annotations

import datetime as dt

import pytest

from gridoffice.errors import UserError, ValidationError
from gridoffice.services.households import GridDraft, HouseholdService, ResidentDraft
from tests import sql
from tests.conftest import TODAY

HEAD, SPOUSE, SON, DAUGHTER = "02", "10", "20", "30"


@pytest.fixture
def register(db):
    return HouseholdService(db, operator="王芳", today=TODAY)


@pytest.fixture
def house(register):
    grid = register.create_grid(GridDraft("110105001001001", "第一网格"))
    building = register.add_building(grid, "3", estate="幸福里", units=4, floors=6)
    return grid, building, register.add_house(building, "2", "301")


def family():
    return [
        ResidentDraft("张伟", HEAD, id_number="110105195803120213", mobile="13812345678",
                      move_in_date=dt.date(2000, 1, 1)),
        ResidentDraft("王芳", SPOUSE, id_number="110105196307080421", mobile="13812345678"),
        ResidentDraft("张小明", SON, id_number="11010520150301031X", guardian_note="父母监护"),
    ]


def test_household_with_exactly_one_head(register, house):
    grid, _building, house_id = house
    with pytest.raises(ValidationError) as none:
        register.create_household(house_id, [ResidentDraft("王芳", SPOUSE, sex="2")])
    assert none.value.field == "relation"
    with pytest.raises(ValidationError) as two:
        register.create_household(house_id, [ResidentDraft("张伟", HEAD, sex="1"),
                                              ResidentDraft("王芳", HEAD, sex="2")])
    assert two.value.field == "relation"
    with pytest.raises(ValidationError):
        register.create_household(house_id, [])
    household = register.create_household(house_id, family(), number="0001")
    with pytest.raises(ValidationError, match="already the head"):
        register.add_resident(household, ResidentDraft("张强", HEAD, sex="1"))
    rows = register.residents(grid)
    assert [r.name for r in rows] == ["张伟", "王芳", "张小明"]
    assert rows[0].address == "幸福里3号楼2单元301"
    assert rows[0].id_number == "110105********0213" and rows[0].mobile == "138****5678"
    [grid_row] = register.list_grids()
    assert (grid_row.buildings, grid_row.households, grid_row.residents) == (1, 1, 3)
    assert register.grid_warning(grid) is not None  # 1 household: outside 300–500


def test_change_head_then_the_old_head_may_leave(register, house):
    grid, _building, house_id = house
    household = register.create_household(house_id, family())
    head, spouse, _child = register.residents(grid)
    with pytest.raises(UserError, match="head of the household"):
        register.move_out(head.id, dt.date(2026, 5, 1))
    register.change_head(household, spouse.id, SPOUSE)
    register.move_out(head.id, dt.date(2026, 5, 1), reason="工作调动")
    now = register.residents(grid)
    assert [(r.name, r.relation) for r in now] == [("王芳", HEAD), ("张小明", SON)]
    everyone = register.residents(grid, include_left=True)
    assert {r.name: r.moved_out_on for r in everyone}["张伟"] == dt.date(2026, 5, 1)
    with pytest.raises(UserError, match="no longer lives here"):
        register.record_death(head.id, dt.date(2026, 6, 1))


def test_death_is_a_dated_event_and_the_last_member_ends_the_household(db, register, house):
    grid, _building, house_id = house
    household = register.create_household(
        house_id, [ResidentDraft("李奶奶", HEAD, id_number="110105194410010123")])
    [alone] = register.residents(grid)
    assert register.tags(alone.id) == ["very_old"]  # born 1944: derived, never typed
    register.record_death(alone.id, dt.date(2026, 10, 3))
    assert register.residents(grid) == []
    conn = sql.connect(db.path)
    assert conn.execute("SELECT died_on FROM resident").fetchone() == ("2026-10-03",)
    assert conn.execute("SELECT dissolved_on FROM household WHERE id = ?",
                        (household,)).fetchone() == ("2026-10-03",)


def test_the_same_person_cannot_live_in_two_places(register, house):
    grid, building, house_id = house
    register.create_household(house_id, family())
    other = register.add_house(building, "1", "101")
    with pytest.raises(ValidationError) as err:
        register.create_household(other, [ResidentDraft("张伟", HEAD,
                                                         id_number="110105580312021")])
    assert err.value.field == "id_number" and "幸福里3号楼2单元301" in str(err.value)


def test_move_household_keeps_members(register, house):
    grid, building, house_id = house
    household = register.create_household(house_id, family())
    other_grid = register.create_grid(GridDraft("110105001001002", "第二网格"))
    far = register.add_house(register.add_building(other_grid, "7", estate="和平里"), "1", "502")
    register.move_household(household, far)
    assert register.residents(grid) == []
    counts = {g.id: (g.households, g.residents) for g in register.list_grids()}
    assert counts == {grid: (0, 0), other_grid: (1, 3)}  # the counts follow the move
    assert [r.address for r in register.residents(other_grid)] == ["和平里7号楼1单元502"] * 3
    with pytest.raises(ValidationError):
        register.move_household(household, far)


def test_visits_update_the_last_visit(db, register, house):
    _grid, _building, house_id = house
    household = register.create_household(house_id, family())
    register.add_visit(household, dt.date(2026, 9, 1), "刘网格员", "家中老人行动不便", "申请助餐")
    register.add_visit(household, dt.date(2026, 3, 1), "刘网格员")
    with pytest.raises(ValidationError):
        register.add_visit(household, dt.date(2026, 9, 2), "  ")
    conn = sql.connect(db.path)
    assert conn.execute("SELECT last_visit FROM household").fetchone() == ("2026-09-01",)


def test_grid_codes_and_buildings(register, house):
    grid, _building, _house = house
    with pytest.raises(ValidationError) as taken:
        register.create_grid(GridDraft("110105001001001", "重复网格"))
    assert taken.value.field == "code"
    with pytest.raises(ValidationError) as bad:
        register.create_grid(GridDraft("12345", "短代码"))
    assert bad.value.field == "code"
    with pytest.raises(ValidationError):
        register.add_building(grid, "3", estate="幸福里")
    leader = register.add_role(grid, "leader", "李建国", dt.date(2024, 1, 1))
    register.add_role(grid, "leader", "张伟", dt.date(2026, 1, 1))
    roles = register.roles(grid, include_past=True)
    assert [(r.person_name, r.to_date) for r in roles] == [
        ("李建国", dt.date(2025, 12, 31)), ("张伟", None)]
    assert leader == roles[0].id


def test_search_by_name_pinyin_and_id_tail(register, house):
    grid, _building, house_id = house
    register.create_household(house_id, family())
    assert [r.name for r in register.residents(grid, text="zw")] == ["张伟"]
    assert [r.name for r in register.residents(grid, text="031x")] == ["张小明"]
    assert [r.name for r in register.residents(grid, text="王")] == ["王芳"]


def test_care_tags_and_control_tags_are_kept_apart(register, house):
    grid, _building, house_id = house
    register.create_household(house_id, family())
    head, _spouse, child = register.residents(grid)
    with pytest.raises(ValidationError):
        register.add_tag(head.id, "disabled")  # needs type and grade
    register.add_tag(head.id, "disabled", disability_type="4", disability_grade="2")
    register.add_tag(head.id, "released_prisoner", kind="control")
    assert "disabled" in register.tags(head.id)
    assert "released_prisoner" not in register.tags(head.id)
    assert "released_prisoner" in register.tags(head.id, include_control=True)
    register.add_tag(child.id, "left_behind_child")  # has a guardian note
    assert register.tags(child.id) == ["left_behind_child"]
    with pytest.raises(ValidationError):
        register.add_tag(head.id, "left_behind_child")  # 16 or older


def test_navigation_and_household_detail(register, house):
    grid, building, house_id = house
    household = register.create_household(house_id, family(), number="0001")
    register.add_house(building, "2", "302", use="vacant")
    [b] = register.buildings(grid)
    assert (b.number, b.households, b.residents) == ("3", 1, 3)
    houses = register.houses(building)
    assert [(h.room, h.head_name, h.residents) for h in houses] == [("301", "张伟", 3),
                                                                    ("302", None, 0)]
    register.add_visit(household, dt.date(2026, 11, 1), "刘网格员")
    detail = register.household(household)
    assert detail.address == "幸福里3号楼2单元301" and len(detail.members) == 3
    assert [v.visitor for v in detail.visits] == ["刘网格员"]


def test_filters_and_address_search(register, house):
    grid, building, house_id = house
    household = register.create_household(house_id, family())
    other = register.create_household(register.add_house(building, "1", "101"), [
        ResidentDraft("李奶奶", HEAD, id_number="110105194410010123",
                      population_type="floating", move_in_reason="work")])
    register.add_visit(household, dt.date(2026, 11, 1), "刘网格员")
    assert other

    def names(**kw):
        from gridoffice.services.households import ResidentQuery

        return [r.name for r in register.residents(ResidentQuery(grid_id=grid, **kw))]

    assert names(text="3-2-301") == ["张伟", "王芳", "张小明"]
    assert names(text="3号楼1单元101") == ["李奶奶"]
    assert names(age_band="80+") == ["李奶奶"] and names(tag="very_old") == ["李奶奶"]
    assert names(population_type="floating") == ["李奶奶"]
    assert names(not_visited_days=30) == ["李奶奶"]


def test_duplicates_found_and_merged_keeping_links(db, register, house):
    grid, building, house_id = house
    register.create_household(house_id, family())
    second = register.add_house(building, "1", "101")
    register.create_household(second, [
        ResidentDraft("户主甲", HEAD, sex="1"),
        ResidentDraft("章伟", "99", sex="1", birth_date=dt.date(1958, 3, 12))])
    register.add_resident(register.household(
        register.residents(grid, text="张伟")[0].household_id).id,
        ResidentDraft("张卫", "99", sex="1", birth_date=dt.date(1990, 1, 1)))
    rows = {r.name: r for r in register.residents(grid)}
    [group] = register.find_duplicates()  # 张伟 / 章伟, same birth date: pinyin-insensitive
    assert group.reason == "name_birth"
    assert set(group.resident_ids) == {rows["张伟"].id, rows["章伟"].id}
    register.add_tag(rows["章伟"].id, "veteran")
    with pytest.raises(UserError):
        register.merge(rows["张伟"].id, rows["张伟"].id)
    register.merge(rows["张伟"].id, rows["章伟"].id)
    assert "veteran" in register.tags(rows["张伟"].id)
    assert "章伟" not in {r.name for r in register.residents(grid)}
    conn = sql.connect(db.path)
    assert conn.execute("SELECT deleted FROM resident WHERE name = '章伟'").fetchone() == (1,)


def test_center_household_and_member_link(register, house, db, orgs):
    from gridoffice.services.orgs import OrgDraft
    from gridoffice.services.roster import MemberDraft, RosterService

    grid, _building, house_id = house
    household = register.create_household(house_id, family())
    branch = orgs.create(OrgDraft("第一网格党支部", "branch"))
    member = RosterService(db, today=TODAY).add(MemberDraft(
        name="张伟", id_number="110105195803120213", join_date=dt.date(1985, 7, 1),
        full_date=dt.date(1986, 7, 1), org_id=branch.id))
    head = register.residents(grid)[0]
    register.link_member(head.id, member)
    register.set_center_household(household, member)
    assert register.residents(grid)[0].member_id == member
    assert register.household(household).center_member_id == member


def test_the_roster_shows_the_address_where_the_member_lives(register, house, db, orgs):
    from gridoffice.services.orgs import OrgDraft
    from gridoffice.services.roster import MemberDraft, RosterService

    grid, _building, house_id = house
    register.create_household(house_id, family())
    branch = orgs.create(OrgDraft("第一网格党支部", "branch"))
    roster = RosterService(db, today=TODAY)
    member = roster.add(MemberDraft(name="张伟", id_number="110105195803120213",
                                    join_date=dt.date(1985, 7, 1), full_date=dt.date(1986, 7, 1),
                                    org_id=branch.id, address="旧地址"))
    assert roster.list_members()[0].address == "旧地址"
    register.link_member(register.residents(grid)[0].id, member)
    assert roster.list_members()[0].address == "幸福里3号楼2单元301"


def test_the_importers_list_of_living_people_refuses_what_the_query_refuses(
        db, register, house):
    """An importer passes every living resident by ID number, read once, instead of a
    query per row: it must refuse and accept exactly as the query does."""
    grid, building, house_id = house
    register.create_household(house_id, family())
    with db.read() as session:
        living: dict[str, list[tuple[str, str, str]]] = {}
        for rid, name, household, number in session.connection().exec_driver_sql(
                "SELECT id, name, household_id, id_number FROM resident WHERE NOT deleted "
                "AND moved_out_on IS NULL AND died_on IS NULL AND id_number IS NOT NULL"):
            living.setdefault(number, []).append((rid, name, household))
        zhang = next(entry[0] for entry in living["110105195803120213"])
        drafts = [(ResidentDraft("张伟", HEAD, id_number="110105580312021"), None),
                  (ResidentDraft("张伟", HEAD, id_number="110105195803120213"), zhang),
                  (ResidentDraft("李四", HEAD, id_number="11010519491231002X"), None)]
        seen = []
        for draft, resident_id in drafts:
            outcomes = []
            for given in (None, living):
                try:
                    register._resident_values(session, draft, resident_id, living=given)
                    outcomes.append("ok")
                except ValidationError as error:
                    outcomes.append(str(error))
            assert outcomes[0] == outcomes[1], draft
            seen.append(outcomes[0])
        assert "幸福里3号楼2单元301" in seen[0] and seen[1:] == ["ok", "ok"]
