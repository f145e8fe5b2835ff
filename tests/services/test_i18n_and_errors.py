"""The message catalogue shared by the GUI and the headless commands."""

from __future__ import annotations

from gridoffice.errors import UserError, ValidationError
from gridoffice.i18n import Catalog, catalog, system_language
from gridoffice.services import office
from gridoffice.store.files import MSG_NEWER


def test_catalog_reads_the_ts_file():
    zh = catalog("zh_CN")
    assert zh.translate("codes", "Party branch") == "党支部"
    assert zh.translate("codes", "no such text") == "no such text"
    assert catalog("en").translate("codes", "Party branch") == "Party branch"


def test_user_error_in_both_languages_on_one_line():
    err = UserError(MSG_NEWER, path="/data/x.sqlite3", found=9, supported=1)
    assert "newer GridOffice" in err.english() and "9" in err.english()
    zh = err.localized("zh_CN")
    assert "更新版本" in zh and "9" in zh and "/data/x.sqlite3" in zh
    line = err.one_line()
    assert "\n" not in line and line.startswith(zh.split("（")[0]) and err.english() in line


def test_a_translation_with_a_broken_placeholder_falls_back_to_english():
    err = UserError("Hello {name}", name="张伟")
    assert err.render("你好 {nom}") == "Hello 张伟"


def test_system_language(monkeypatch):
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert system_language() == "en"
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert system_language() == "zh_CN"


def test_office_profile_validation_names_the_field(db):
    try:
        office.save_profile(db.path, office.OfficeProfile("  ", "幸福街道", "community", "王芳"))
    except ValidationError as err:
        assert err.field == "name" and "单位名称" in err.localized("zh_CN")
    else:  # pragma: no cover
        raise AssertionError("an empty office name must be refused")
    assert office.load_profile(db.path).name == "幸福里社区"  # unchanged
    saved = office.save_profile(db.path, office.OfficeProfile(" 和平里 社区 ", "和平街道",
                                                              "street", "李 明"))
    assert saved.name == "和平里 社区" and saved.is_street
    office.save_language(db.path, "en")
    assert office.load_language(db.path) == "en"
    office.save_language(db.path, "")
    assert office.load_language(db.path) == ""


def test_catalog_ignores_unfinished_entries(tmp_path):
    ts = tmp_path / "x.ts"
    ts.write_text('<TS><context><name>c</name>'
                  '<message><source>A</source><translation type="unfinished">甲</translation>'
                  '</message><message><source>B</source><translation>乙</translation></message>'
                  '</context></TS>', encoding="utf-8")
    cat = Catalog.from_ts(ts)
    assert cat.translate("c", "A") == "A" and cat.translate("c", "B") == "乙"
