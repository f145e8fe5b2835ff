"""The Chinese words of code tables that imports accept and exports write (the
standard's terms, and other words people type for them), shared by the importers."""

from __future__ import annotations

from collections.abc import Mapping

from gridoffice.domain.codes import ETHNICITY, CodeTable
from gridoffice.services.excel.cells import text_key

ETHNICITY_ZH: dict[str, str] = dict(zip((f"{n:02d}" for n in range(1, 57)), (
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
    "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
    "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族",
    "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族",
    "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族",
    "保安族", "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族",
    "基诺族",
), strict=True))
ETHNICITY_ZH.update({"97": "其他", "98": "外国血统中国籍人士"})
EDUCATION_ZH = {"10": "研究生", "20": "大学本科", "30": "大学专科", "40": "中专",
                "60": "高中", "70": "初中", "80": "小学及以下"}
SEX_ZH = {"1": "男", "2": "女"}
# Other words for codes of the tables both importers read (kind -> code -> words).
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "sex": {"1": ("男", "男性", "M", "MALE"), "2": ("女", "女性", "F", "FEMALE")},
    "ethnicity": {"98": ("外国血统",), "97": ("其它", "其他民族")},
    "education": {
        "10": ("博士", "博士研究生", "硕士", "硕士研究生", "研究生学历", "研究生及以上"),
        "20": ("本科", "大本", "大学本科学历"),
        "30": ("专科", "大专", "高职", "大学专科学历"),
        "40": ("中等专科", "中等专业学校", "中技", "技校", "职高", "中职", "中等职业教育",
               "中等职业学校"),
        "60": ("普通高中", "高级中学"),
        "70": ("初级中学",),
        "80": ("小学", "文盲", "半文盲", "扫盲班", "小学以下"),
    },
}


def code_words(table: CodeTable, chinese: Mapping[str, str],
               synonyms: Mapping[str, tuple[str, ...]] | None = None) -> dict[str, str]:
    """Every word a cell may hold for a code of ``table`` (compared by ``text_key``):
    the code, its label and translation, its Chinese term, ``synonyms``, the number
    without leading zeros, and for ethnicities the name without 族."""
    words: dict[str, str] = {}
    for code in table.codes:
        candidates = [code.code, code.label, code.zh(), chinese.get(code.code, "")]
        candidates += (synonyms or {}).get(code.code, ())
        if code.code.isdigit():
            candidates.append(str(int(code.code)))
        for word in candidates:
            if word:
                words.setdefault(text_key(word), code.code)
        zh = chinese.get(code.code, "")
        if table is ETHNICITY and zh.endswith("族") and len(zh) > 1:
            words.setdefault(text_key(zh[:-1]), code.code)  # 汉 for 汉族
    return words


def zh_term(table: CodeTable, chinese: Mapping[str, str], code: str | None) -> str | None:
    """The Chinese term of a code for sheets: the catalogue's, else the standard's."""
    if not code:
        return None
    if code in table:
        found = table.get(code)
        translated = found.zh()
        if translated != found.label:
            return translated
    return chinese.get(code, code)
