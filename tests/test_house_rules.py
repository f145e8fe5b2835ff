"""House rules that a test can check: no Qt below ui/, complete translations."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "gridoffice"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_nothing_below_ui_imports_qt():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "ui":
            continue
        if any(name.split(".")[0] in ("PySide6", "shiboken6") for name in _imports(path)):
            offenders.append(str(relative))
    assert offenders == []


def test_every_connection_goes_through_the_one_sqlite_library():
    """Two SQLite libraries in one process do not see each other's locks (and the
    standard library's cannot open encrypted data): the program connects only through
    ``gridoffice.store.driver``; the standard library module is used for its pure
    helpers, its error classes and private in-memory databases (sync rows: only it can
    serialize them) alone."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "connect" and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "sqlite3"):
                continue
            first = node.args[0] if node.args else None
            if not (isinstance(first, ast.Constant) and first.value == ":memory:"):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []


@pytest.mark.skipif(importlib.util.find_spec("PySide6") is None, reason="needs PySide6 tools")
def test_translations_are_complete_and_current():
    """zh_CN has every source string translated, and the .qm is built from it."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "translations.py"), "check"],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_translations_keep_placeholders():
    import re
    import xml.etree.ElementTree as ET

    placeholder = re.compile(r"\{[a-z_]*\}|%n|%\d")
    bad = []
    root = ET.parse(ROOT / "translations" / "gridoffice_zh_CN.ts").getroot()
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = [e.text or "" for e in translation.iter("numerusform")] or [translation.text or ""]
        for text in forms:
            if not text.strip():
                bad.append(f"untranslated: {source!r}")
            elif sorted(placeholder.findall(source)) != sorted(placeholder.findall(text)):
                bad.append(f"placeholders differ: {source!r} -> {text!r}")
            elif translation.get("type") in ("unfinished", "vanished", "obsolete"):
                bad.append(f"{translation.get('type')}: {source!r}")
    assert bad == []
