"""Sync between encrypted folders: each side's data has its own key, the package
(sealed for its recipient) carries the rows readable by the recipient alone."""

from __future__ import annotations

from gridoffice import paths
from gridoffice.domain import access
from gridoffice.services import encryption
from gridoffice.services.accounts import AccountDraft, AccountService
from gridoffice.store import driver
from tests.sync.net import Net, Pc


def test_a_package_from_an_encrypted_pc_is_applied_by_an_encrypted_street(tmp_path):
    net = Net(tmp_path / "net", {"a1": ("幸福里社区", "1号机")})
    org = net["a1"].add_org("中共幸福里社区委员会")
    net.close()
    pcs = {}
    for name in ("a1", "street"):
        app_paths = paths.resolve(tmp_path / "net" / name)
        AccountService(app_paths.database).add(AccountDraft("admin", access.ADMIN), "pass-w0rd1")
        encryption.encrypt(app_paths)
        assert not driver.has_sqlite_header(app_paths.database)
        pcs[name] = Pc(name, tmp_path / "net" / name)
    try:
        [package] = pcs["a1"].export()
        [result] = pcs["street"].take([package])
        assert result.status == "applied", result.error
        assert result.digests_agree
        assert pcs["street"].rows("SELECT name FROM org WHERE id = ?", (org,)) == [
            ("中共幸福里社区委员会",)]
    finally:
        for pc in pcs.values():
            pc.close()
