"""Keep the translation files current.

    python scripts/translations.py update   # pyside6-lupdate: sources -> translations/*.ts
    python scripts/translations.py release  # pyside6-lrelease: .ts -> .qm
    python scripts/translations.py check    # exit 1 if a .ts is unfinished or a .qm is stale

Source strings are English; every language listed in LANGUAGES must stay
complete (a test runs ``check``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "gridoffice"
TRANSLATIONS = ROOT / "translations"
LANGUAGES = ("zh_CN",)


def _tool(name: str) -> str:
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def source_files() -> list[str]:
    return sorted(str(p) for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"gridoffice_{language}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"gridoffice_{language}.qm"


def lupdate(target: Path) -> None:
    subprocess.run([_tool("pyside6-lupdate"), "-silent", "-locations", "none", "-no-obsolete",
                    *source_files(), "-ts", str(target)], check=True)
    normalise(target)


def normalise(ts: Path) -> None:
    """Write ``ts`` in one layout (4-space indents), whatever lupdate release made it:
    a diff then shows only what changed."""
    tree = ET.parse(ts)
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")


def lrelease(source: Path, target: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(target)],
                   check=True)


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    result = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            result[(name, message.findtext("source") or "")] = message
    return result


def update() -> None:
    TRANSLATIONS.mkdir(exist_ok=True)
    for language in LANGUAGES:
        target = ts_path(language)
        if not target.exists():
            target.write_text(
                '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                f'<TS version="2.1" language="{language}"></TS>\n', encoding="utf-8")
        lupdate(target)


def release() -> None:
    for language in LANGUAGES:
        lrelease(ts_path(language), qm_path(language))


def problems() -> list[str]:
    """Unfinished or missing translations, stale .ts or .qm files."""
    found: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for language in LANGUAGES:
            ts = ts_path(language)
            if not ts.exists():
                found.append(f"{ts.name} is missing")
                continue
            fresh = Path(tmp) / ts.name
            shutil.copy(ts, fresh)
            lupdate(fresh)
            current, wanted = messages(ts), messages(fresh)
            for key in sorted(set(wanted) - set(current)):
                found.append(f"{ts.name}: not yet extracted: {key[0]}: {key[1]!r}")
            for key in sorted(set(current) - set(wanted)):
                found.append(f"{ts.name}: no longer in the sources: {key[0]}: {key[1]!r}")
            qm = qm_path(language)
            built = Path(tmp) / qm.name
            lrelease(ts, built)
            if not qm.exists() or qm.read_bytes() != built.read_bytes():
                found.append(f"{qm.name} is not built from the current {ts.name}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("update", "release", "check"))
    action = parser.parse_args().action
    if action == "update":
        update()
    elif action == "release":
        release()
    else:
        found = problems()
        for line in found:
            print(line)
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
