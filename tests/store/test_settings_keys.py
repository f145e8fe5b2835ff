"""Every local setting the program writes has its key declared in ``store.settings``
(one module owns every key), and the typed access reads back what it wrote."""

from __future__ import annotations

import re
import string
from pathlib import Path

from gridoffice.domain.inservice import PointRules
from gridoffice.services import office
from gridoffice.services.excel.mappings import remember_mapping, remembered_mapping
from gridoffice.services.inservice.model import save_point_rules
from gridoffice.services.meetings.model import MeetingRules, save_rules
from gridoffice.store import settings


def declared_patterns() -> list[re.Pattern[str]]:
    """The keys (and key templates, ``{kind}`` standing for a word) of the module."""
    found = []
    for name, value in vars(settings).items():
        if name.isupper() and isinstance(value, str) and not name.startswith("META_"):
            fields = [f for _t, f, _s, _c in string.Formatter().parse(value) if f]
            pattern = re.escape(value)
            for field in fields:
                pattern = pattern.replace(re.escape("{" + field + "}"), "[a-z_]+")
            found.append(re.compile(pattern + "$"))
    return found


def test_every_setting_written_is_declared_in_one_module(db):
    path: Path = db.path
    office.save_profile(path, office.OfficeProfile("幸福里社区", "幸福街道", "community", "王芳"))
    office.save_language(path, "zh_CN")
    typed = settings.OfficeSettings(path)
    typed.exchange_folder = Path("/media/u盘/交换")
    typed.show_control_tags = True
    save_rules(path, MeetingRules(place="社区议事厅"))
    save_point_rules(path, PointRules())
    for kind in ("roster", "residents"):
        remember_mapping(db, settings.import_mapping_key(kind), ["姓名"], {"name": 0})
    written = settings.read_all(path)
    patterns = declared_patterns()
    undeclared = [key for key in written if not any(p.match(key) for p in patterns)]
    assert undeclared == []
    assert len(written) >= 20  # the profile, language, folder, rules, points, mappings
    assert typed.exchange_folder == Path("/media/u盘/交换") and typed.show_control_tags
    assert office.load_language(path) == "zh_CN"
    assert remembered_mapping(db, settings.import_mapping_key("roster")) == {"name": "姓名"}
    typed.exchange_folder = None
    typed.show_control_tags = False
    assert typed.exchange_folder is None and not typed.show_control_tags
    assert settings.EXCHANGE_FOLDER not in settings.read_all(path)
