"""Code tables of the people and party areas, and the form of the domain's messages."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from gridoffice.domain import codes

DOMAIN = Path(__file__).resolve().parents[2] / "gridoffice" / "domain"
NEW_TABLES = ("SEX", "ETHNICITY", "POLITICAL_STATUS", "EDUCATION", "DEGREE", "ID_TYPES",
              "MEMBER_STATUS", "MEMBER_CATEGORY", "RELATION_STATUS", "TRANSFER_STATUS",
              "FIELD_LABELS")


@pytest.mark.parametrize("name", NEW_TABLES)
def test_codes_are_unique(name):
    table = getattr(codes, name)
    stored = [c.code for c in table]
    assert len(stored) == len(set(stored))
    assert all(c.label for c in table)


def test_national_standard_codes():
    assert [c.code for c in codes.SEX] == ["1", "2", "0", "9"]
    ethnic = [c.code for c in codes.ETHNICITY]
    assert ethnic == [f"{n:02d}" for n in range(1, 57)] + ["97", "98"]
    assert codes.ETHNICITY.label("01") == "Han" and codes.ETHNICITY.label("56") == "Jino"
    assert [c.code for c in codes.POLITICAL_STATUS] == [f"{n:02d}" for n in range(1, 14)]
    assert codes.POLITICAL_STATUS.label("01") == "CPC member"
    assert [c.code for c in codes.EDUCATION] == ["10", "20", "30", "40", "60", "70", "80"]
    assert {c.code for c in codes.MEMBER_STATUS} == {"full", "probationary"}
    assert {c.code for c in codes.RELATION_STATUS} == {
        "normal", "transferring_out", "transferred_out", "suspended", "expelled", "deceased"}


def test_checked_id_types_exist():
    from gridoffice.domain.identity import CHECKED_ID_TYPES

    assert set(CHECKED_ID_TYPES) <= {c.code for c in codes.ID_TYPES}
    # the checked types are named like the kinds of number they must hold
    assert all(code == kind for code, kind in CHECKED_ID_TYPES.items())


def _marked(path: Path) -> list[tuple[str, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "QT_TRANSLATE_NOOP":
            context, text = node.args
            # a translation tool greps for literals: no variables, no f-strings
            assert isinstance(context, ast.Constant) and isinstance(context.value, str), path
            assert isinstance(text, ast.Constant) and isinstance(text.value, str), path
            found.append((context.value, text.value))
    return found


MODULES = ["identity.py", "party.py", "masking.py", "search_keys.py", "codes.py"]
MESSAGES = [m for module in MODULES for m in _marked(DOMAIN / module)]


def test_messages_are_well_formed():
    assert MESSAGES
    for context, text in MESSAGES:
        assert context in ("errors", "warnings", "codes")
        # the translation check only recognises lower-case placeholder names
        assert all(re.fullmatch(r"[a-z_]+", name)
                   for name in re.findall(r"\{([^}]*)\}", text)), text
        if context == "errors":
            # every message begins with the field's label (or {field}) and a colon
            assert re.match(r"(\{field\}|[A-Z][A-Za-z' -]*): ", text), text
