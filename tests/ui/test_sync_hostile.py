"""The Sync tab with a bad package among good ones, and what the log keeps: the
bad file fails alone and named, the good ones go in, and the log file holds no
ID number, phone or address of the data."""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from gridoffice import logs
from gridoffice.errors import UserError, ValidationError
from gridoffice.services import demo
from gridoffice.services.container import Services
from gridoffice.sync import package as packages
from tests import sql
from tests.sync.net import Net

PERSONAL = ("id_number", "id_number_original", "phone", "address", "hukou_address",
            "home_address")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-ui") / "net"
    net = Net(root, {"a1": ("幸福里社区", "1号机"), "b1": ("和平里社区", "1号机")})
    demo.fill(net["a1"].db, seed=3)
    net.close()
    return root


def _personal_values(db_path: Path) -> set[str]:
    conn = sql.connect(db_path)
    try:
        values = set()
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master "
                                             "WHERE type = 'table'")]
        for table in tables:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            for column in set(columns) & set(PERSONAL):
                values |= {v for (v,) in conn.execute(f'SELECT "{column}" FROM "{table}"')
                           if isinstance(v, str) and len(v) >= 6}
        return values
    finally:
        conn.close()


def _format_abc(package: Path, target: Path) -> Path:
    with zipfile.ZipFile(package) as source:
        entries = {n: source.read(n) for n in source.namelist()}
    manifest = json.loads(entries["manifest.json"])
    manifest["format"] = "abc"
    entries["manifest.json"] = json.dumps(manifest).encode()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return target


def test_a_bad_file_among_good_ones_fails_alone_and_the_log_keeps_no_personal_data(
        qtbot, qapp, monkeypatch, message_log, template, tmp_path):
    import shutil

    from gridoffice.ui import app
    from gridoffice.ui.tabs.sync import SyncTab

    net = Net.copy(template, tmp_path / "net")
    try:
        log_file = logs.setup(tmp_path / "logs")
        a1, b1, street = net["a1"], net["b1"], net.street
        b1.add_org("和平里社区党委")
        [first], [second] = a1.export(), b1.export()
        shared = tmp_path / "shared"
        shared.mkdir()
        bad = _format_abc(first, shared / ("0-bad" + packages.SUFFIX))
        for path in (first, second):
            shutil.copy(path, shared)

        # Listing the exchange folder at start is not stopped by the bad file.
        assert len(street.sync.inbox(shared)) == 3

        tab = SyncTab()
        qtbot.addWidget(tab)
        tab.attach(Services.for_database(street.db).replace(sync=street.sync),
                   check_exchange=False)
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(
            lambda *args, **kwargs: ([str(first), str(bad), str(second)], "")))
        with qtbot.waitSignal(tab.synced, timeout=60_000):
            tab.import_packages()
        lines = tab.result_texts()
        assert len(lines) == 3
        assert lines[1].startswith(bad.name) and "not a GridOffice sync package" in lines[1]
        assert "imported from 幸福里社区（1号机）" in lines[0]
        assert "imported from 和平里社区（1号机）" in lines[2]

        # A failed action in the window whose message carries personal data.
        values = sorted(_personal_values(a1.path))
        assert values
        id_number = next(v for v in values if len(v) == 18)
        previous = app.install_excepthook(str(log_file))
        try:
            error = ValidationError("address", "{value} is too long.", value=" ".join(values[:5]))
            sys.excepthook(ValidationError, error, None)
            try:
                raise ValueError(f"cannot read {id_number} {values[-1]}")
            except ValueError as exc:
                sys.excepthook(type(exc), exc, exc.__traceback__)
            try:
                raise UserError("{number}", number=id_number)
            except UserError:
                logs.logging.getLogger("gridoffice.test").warning("failed", exc_info=True)
        finally:
            sys.excepthook = previous
    finally:
        net.close()
        root = logs.logging.getLogger()
        for handler in list(root.handlers):
            if getattr(handler, "_gridoffice", False):
                root.removeHandler(handler)
                handler.close()
    text = log_file.read_text("utf-8")
    assert "uncaught user error" in text and "ValueError" in text
    leaked = [v for v in _personal_values(street.path) | set(values) if v in text]
    assert leaked == []
