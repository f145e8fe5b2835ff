"""Every ledger the command line prints, made from the demo data and checked
as paper: every font embedded (an office PC without the font prints what the
PDF carries, nothing else)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from gridoffice.cli import build_parser, main
from tests.ledgers.demo_ledgers import ledger_arguments


def _ledger_kinds() -> set[str]:
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    ledger = commands.choices["ledger"]
    kinds = next(a for a in ledger._actions if isinstance(a, argparse._SubParsersAction))
    return set(kinds.choices)


@pytest.fixture(scope="module")
def ledgers(tmp_path_factory) -> dict[str, list[Path]]:
    """kind -> the PDFs it wrote, from one demo data folder."""
    root = tmp_path_factory.mktemp("every")
    data = root / "data"
    assert main(["--data-dir", str(data), "demo", "--seed", "1"]) == 0
    arguments = ledger_arguments(data)
    missing = _ledger_kinds() - set(arguments)
    assert not missing, f"add the arguments of the new ledgers {missing} here"
    out: dict[str, list[Path]] = {}
    for kind, extra in arguments.items():
        target = root / (kind if kind == "unit-letters" else f"{kind}.pdf")
        assert main(["--data-dir", str(data), "ledger", kind, *extra, "-o", str(target)]) == 0
        out[kind] = sorted(target.glob("*.pdf")) if target.is_dir() else [target]
        assert out[kind], kind
    return out


def _fonts(resources: DictionaryObject | None, seen: set[int]):
    """(name, font dictionary) of every font used by a page and its forms."""
    if not resources:
        return
    resources = resources.get_object()
    for name, ref in (resources.get("/Font") or {}).items():
        yield name, ref.get_object()
    for ref in (resources.get("/XObject") or {}).values():
        xobject = ref.get_object()
        key = id(xobject)
        if key in seen or xobject.get("/Subtype") != "/Form":
            continue
        seen.add(key)
        yield from _fonts(xobject.get("/Resources"), seen)


def _embedded(font: DictionaryObject) -> bool:
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:  # a standard font (Helvetica …): the printer's own
        return False
    descriptor = descriptor.get_object()
    return any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_every_font_of_every_ledger_is_embedded(ledgers):
    bad = []
    for kind, paths in ledgers.items():
        for path in paths:
            for number, page in enumerate(PdfReader(path).pages, start=1):
                for _name, font in _fonts(page.get("/Resources"), set()):
                    if not _embedded(font):
                        bad.append(f"{kind} {path.name} p.{number}: {font.get('/BaseFont')}")
    assert not bad, "fonts not embedded:\n" + "\n".join(sorted(set(bad)))
