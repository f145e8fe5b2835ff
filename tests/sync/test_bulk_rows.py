"""The import's bulk steps keep every value and every rule: the copy of a package's
rows between the two SQLite bindings keeps each value as it was stored (NULLs
included, which cross without a ``None`` parameter), and the text check over many
rows at once refuses exactly what the rule for one value refuses, naming the same
first value."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gridoffice.domain.text import bad_character, code_point
from gridoffice.errors import UserError
from gridoffice.store import driver
from gridoffice.sync import rows as rowsfile

NAMES = ["id", "a", "b", "c"]
VALUES = st.one_of(
    st.none(), st.integers(-2**63, 2**63 - 1), st.floats(allow_nan=False), st.text(),
    st.binary(), st.sampled_from(["", "gridoffice-null-", "NULL", "\x00", "\u202e"]))
ROWS = st.lists(st.tuples(st.text(min_size=1), VALUES, VALUES, VALUES), max_size=60)


def _typed(rows: list[tuple[Any, ...]]) -> list[tuple[tuple[type, Any], ...]]:
    return [tuple((type(v), v) for v in row) for row in rows]


def _filled(conn: Any, rows: list[tuple[Any, ...]], schema: str = "main") -> None:
    conn.execute(f'CREATE TABLE "{schema}"."t" (id, a, b, c)')
    conn.executemany(f'INSERT INTO "{schema}"."t" VALUES (?, ?, ?, ?)', rows)


@settings(max_examples=60, deadline=None)
@given(rows=ROWS)
def test_the_copy_keeps_every_value_both_ways(rows):
    image = sqlite3.connect(":memory:", isolation_level=None)
    conn = driver.memory()
    try:
        _filled(image, rows)
        conn.execute("ATTACH DATABASE ':memory:' AS payload")
        assert rowsfile.copy_tables(image, conn, [("t", NAMES)],
                                    target_schema="payload") == {"t": len(rows)}
        there = conn.execute('SELECT * FROM payload."t" ORDER BY rowid').fetchall()
        assert _typed(there) == _typed(rows)
        back = sqlite3.connect(":memory:", isolation_level=None)
        try:
            rowsfile.copy_tables(conn, back, [("t", NAMES)], source_schema="payload")
            assert _typed(back.execute('SELECT * FROM "t" ORDER BY rowid').fetchall()) \
                == _typed(rows)
        finally:
            back.close()
    finally:
        conn.close()
        image.close()


class _Recording:
    """A DB-API target that notes every parameter it is given."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.parameters: list[Any] = []

    def execute(self, sql: str, parameters: Any = ()) -> Any:
        self.parameters.extend(parameters)
        return self.conn.execute(sql, parameters)

    def executemany(self, sql: str, rows: Any) -> Any:
        rows = list(rows)
        for row in rows:
            self.parameters.extend(row)
        return self.conn.executemany(sql, rows)


def test_nulls_cross_without_a_none_parameter():
    """Binding ``None`` costs sqlcipher3 an exception raised and cleared per value
    (about 1 µs): in a register most fields are empty, so that was the largest cost
    of a street's import. No ``None`` reaches the target's statements."""
    rows = [(f"r{n}", None, None if n % 2 else "甲", None) for n in range(500)]
    image = sqlite3.connect(":memory:", isolation_level=None)
    conn = driver.memory()
    try:
        _filled(image, rows)
        target = _Recording(conn)
        rowsfile.copy_tables(image, target, [("t", NAMES)])
        assert len(target.parameters) >= 4 * len(rows)
        assert None not in target.parameters
        assert conn.execute("SELECT * FROM t ORDER BY rowid").fetchall() == rows
    finally:
        conn.close()
        image.close()


TEXTS = st.one_of(
    st.none(), st.integers(-2**63, 2**63 - 1), st.binary(), st.text(max_size=12),
    st.text(st.sampled_from("甲a\t\n\r \x00\x01\x1b\x1f\x7f\x80\x85\x9f\xa0"
                            "\u202a\u202e\u2066\u2069\u206a\u2028\ufeff"), max_size=6))


def _first_refused(rows: list[tuple[Any, ...]]) -> str | None:
    """The rule for one value, over the rows in order: the first refused value."""
    for row in rows:
        for name, value in zip(NAMES[1:], row[1:], strict=True):
            if isinstance(value, str) and (char := bad_character(value)) is not None:
                return f"t.{name} of {row[0]} holds the character {code_point(char)}"
    return None


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(st.tuples(st.uuids().map(str), TEXTS, TEXTS, TEXTS), max_size=40),
       batch=st.sampled_from([1, 3, 2000]))
def test_the_text_check_refuses_what_the_rule_refuses(rows, batch):
    conn = driver.memory()
    try:
        conn.execute("ATTACH DATABASE ':memory:' AS payload")
        _filled(conn, rows, "payload")
        expected = _first_refused(rows)
        if expected is None:
            rowsfile.check_texts(conn, "payload", "t", NAMES[1:], batch_rows=batch)
        else:
            with pytest.raises(UserError) as refused:
                rowsfile.check_texts(conn, "payload", "t", NAMES[1:], batch_rows=batch)
            assert f"({expected})" in str(refused.value)
    finally:
        conn.close()


@settings(max_examples=100, deadline=None)
@given(rows=st.lists(st.tuples(st.uuids().map(str), *[st.one_of(st.none(), st.text(
    st.sampled_from("甲a\t\n \x00\x1b\x7f\x85\u202e\u2069\u206a"), max_size=5))] * 3),
    max_size=30))
def test_the_text_check_of_columns_holding_only_texts(rows):
    """Columns the type check found holding only texts or NULL are joined without a
    type test: the same refusals."""
    conn = driver.memory()
    try:
        conn.execute("ATTACH DATABASE ':memory:' AS payload")
        _filled(conn, rows, "payload")
        expected = _first_refused(rows)
        check = lambda: rowsfile.check_texts(  # noqa: E731
            conn, "payload", "t", NAMES[1:], batch_rows=7, texts_only={"a", "c"})
        if expected is None:
            check()
        else:
            with pytest.raises(UserError) as refused:
                check()
            assert f"({expected})" in str(refused.value)
    finally:
        conn.close()


def test_the_text_check_searches_many_rows_at_once(monkeypatch):
    """One search per batch of rows, not one call per value (a street's import made
    millions)."""
    searched: list[str] = []

    def counting(value: str) -> str | None:
        searched.append(value)
        return bad_character(value)

    monkeypatch.setattr(rowsfile, "bad_character", counting)
    rows = [(f"r{n}", f"名{n}", "备注\n第二行", n) for n in range(5000)]
    conn = driver.memory()
    try:
        conn.execute("ATTACH DATABASE ':memory:' AS payload")
        _filled(conn, rows, "payload")
        rowsfile.check_texts(conn, "payload", "t", NAMES[1:])
    finally:
        conn.close()
    assert len(searched) <= -(-len(rows) // rowsfile.TEXT_BATCH)
