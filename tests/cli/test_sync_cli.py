"""The sync commands between two data folders, as real subprocesses: set up,
exchange identity files, export, import (again), status, conflicts; the two
copies end up identical (``info --json`` digests agree); a damaged package is
refused with the reason and a non-zero exit, changing nothing."""

from __future__ import annotations

import json

from .test_cli import cli


def _info(folder):
    return json.loads(cli("info", "--json", data_dir=folder, check=True).stdout)


def test_round_trip_between_a_community_and_its_street_office(tmp_path):
    street, community = tmp_path / "street", tmp_path / "community"
    cli("setup", "--role", "street", "--street", "幸福街道", data_dir=street, check=True)
    cli("setup", "--role", "community", "--street", "幸福街道", "--community", "幸福里社区",
        "--pc", "1号机", data_dir=community, check=True)
    again = cli("setup", "--role", "street", "--street", "幸福街道", data_dir=street)
    assert again.returncode == 1 and "already set up" in again.stderr
    for folder in (street, community):
        out = cli("sync", "identity", "-o", str(tmp_path / f"{folder.name}.gridid"),
                  data_dir=folder, check=True).stdout
        assert "指纹 fingerprint" in out
    shown = cli("sync", "trust", str(tmp_path / "community.gridid"), data_dir=street,
                check=True).stdout
    cli("sync", "trust", str(tmp_path / "street.gridid"), data_dir=community, check=True)
    assert shown.split("fingerprint: ")[1][:24] in cli(
        "sync", "identity", "-o", str(tmp_path / "again.gridid"), data_dir=community).stdout
    cli("demo", data_dir=community, check=True)

    outbox = tmp_path / "usb"
    outbox.mkdir()
    out = cli("sync", "export", "-o", str(outbox), data_dir=community, check=True).stdout
    [package] = list(outbox.glob("*.gridsync"))
    assert package.name.startswith("幸福里社区") and "package 1" in out
    first = cli("sync", "import", str(package), data_dir=street)
    assert first.returncode == 0 and "已导入 imported" in first.stdout, first.stderr
    assert "digests agree" in first.stdout
    second = cli("sync", "import", str(package), data_dir=street)
    assert second.returncode == 0 and "already imported" in second.stdout

    down = tmp_path / "down"
    down.mkdir()
    cli("sync", "export", "-o", str(down), data_dir=street, check=True)
    [back] = list(down.glob("*.gridsync"))
    result = cli("sync", "import", "--json", str(back), data_dir=community, check=True)
    [imported] = json.loads(result.stdout)
    assert imported["status"] == "applied" and imported["digests_agree"] is True

    ours, theirs = _info(community), _info(street)
    assert ours["counts"] == theirs["counts"] and ours["counts"]["members"] > 0
    assert ours["digests"] == theirs["digests"]
    status = json.loads(cli("sync", "status", "--json", data_dir=street, check=True).stdout)
    [peer] = status["peers"]
    assert peer["name"] == "幸福里社区" and peer["digests_agree"] is True
    assert peer["in_sequence"] == 1 and peer["out_sequence"] == 1
    assert json.loads(cli("sync", "conflicts", "--json", data_dir=street,
                          check=True).stdout) == []

    damaged = tmp_path / "damaged.gridsync"
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 1
    damaged.write_bytes(bytes(data))
    before = _info(street)["digests"]
    refused = cli("sync", "import", str(damaged), data_dir=street)
    assert refused.returncode == 1 and "damaged" in refused.stderr
    assert _info(street)["digests"] == before
    wrong = cli("sync", "export", "--to", "和平里社区", "-o", str(down), data_dir=street)
    assert wrong.returncode == 1 and "幸福里社区" in wrong.stderr


def test_conflicts_are_listed_masked(tmp_path):

    from tests.sync.net import Net, id_number_conflict

    net = Net(tmp_path / "net", {"a1": ("幸福里社区", "1号机"), "a2": ("幸福里社区", "2号机")})
    try:
        a1, a2 = net["a1"], net["a2"]
        id_number_conflict(net, a1, a2, ("110101199003071250", "11010119900307127X"))
        folder = a1.folder
    finally:
        net.close()
    out = cli("sync", "conflicts", "--json", data_dir=folder, check=True).stdout
    [conflict] = json.loads(out)
    assert conflict["kind"] == "identity" and conflict["fields"] == ["id_number"]
    assert "1250" in out and "127X" in out  # the last four, as on screen
    assert "110101199003071250" not in out and "11010119900307127X" not in out
