"""Code tables: stored codes and their English labels (translated for display).

Stored values are stable ASCII codes; what a person reads is the label, which
goes through the message catalogue (context ``codes``). Paper ledgers are
official Chinese forms and always use the ``zh_CN`` label.
"""

from __future__ import annotations

from dataclasses import dataclass

from gridoffice.i18n import QT_TRANSLATE_NOOP, catalog

CONTEXT = "codes"


@dataclass(frozen=True)
class Code:
    code: str
    label: str  # English source label, marked for translation

    def zh(self) -> str:
        return catalog("zh_CN").translate(CONTEXT, self.label)


class CodeTable:
    def __init__(self, *codes: Code) -> None:
        self.codes = codes
        self._by_code = {c.code: c for c in codes}

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.codes)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str) -> Code:
        return self._by_code[code]

    def label(self, code: str | None) -> str:
        found = self._by_code.get(code or "")
        return found.label if found else (code or "")

    def zh(self, code: str | None) -> str:
        found = self._by_code.get(code or "")
        return found.zh() if found else (code or "")


def _c(code: str, label: str) -> Code:
    return Code(code, label)


OFFICE_ROLES = CodeTable(
    _c("community", QT_TRANSLATE_NOOP("codes", "Community office")),
    _c("street", QT_TRANSLATE_NOOP("codes", "Street office")),
)

ORG_TYPES = CodeTable(
    _c("committee", QT_TRANSLATE_NOOP("codes", "Party committee")),
    _c("general_branch", QT_TRANSLATE_NOOP("codes", "General party branch")),
    _c("branch", QT_TRANSLATE_NOOP("codes", "Party branch")),
    _c("joint_branch", QT_TRANSLATE_NOOP("codes", "Joint party branch")),
    _c("temp_branch", QT_TRANSLATE_NOOP("codes", "Temporary party branch")),
    _c("group", QT_TRANSLATE_NOOP("codes", "Party group")),
)

SEATS = CodeTable(
    _c("secretary", QT_TRANSLATE_NOOP("codes", "Secretary")),
    _c("deputy_secretary", QT_TRANSLATE_NOOP("codes", "Deputy secretary")),
    _c("organisation", QT_TRANSLATE_NOOP("codes", "Organisation member")),
    _c("publicity", QT_TRANSLATE_NOOP("codes", "Publicity member")),
    _c("discipline", QT_TRANSLATE_NOOP("codes", "Discipline member")),
    _c("youth", QT_TRANSLATE_NOOP("codes", "Youth member")),
    _c("group_leader", QT_TRANSLATE_NOOP("codes", "Group leader")),
)

ORG_EVENTS = CodeTable(
    _c("created", QT_TRANSLATE_NOOP("codes", "Created")),
    _c("renamed", QT_TRANSLATE_NOOP("codes", "Renamed")),
    _c("edited", QT_TRANSLATE_NOOP("codes", "Details changed")),
    _c("moved", QT_TRANSLATE_NOOP("codes", "Moved")),
    _c("retired", QT_TRANSLATE_NOOP("codes", "Retired")),
    _c("restored", QT_TRANSLATE_NOOP("codes", "Restored")),
    _c("seat_appointed", QT_TRANSLATE_NOOP("codes", "Seat appointed")),
    _c("seat_ended", QT_TRANSLATE_NOOP("codes", "Seat ended")),
    _c("seat_withdrawn", QT_TRANSLATE_NOOP("codes", "Appointment withdrawn")),
)

# --- People: national standard codes where a standard exists ------------------------

# GB/T 2261.1-2003 人的性别代码
SEX = CodeTable(
    _c("1", QT_TRANSLATE_NOOP("codes", "Male")),
    _c("2", QT_TRANSLATE_NOOP("codes", "Female")),
    _c("0", QT_TRANSLATE_NOOP("codes", "Sex unknown")),
    _c("9", QT_TRANSLATE_NOOP("codes", "Sex unspecified")),
)

# GB/T 3304-1991 中国各民族名称的罗马字母拼写法和代码: 56 groups, 97 and 98.
ETHNICITY = CodeTable(
    _c("01", QT_TRANSLATE_NOOP("codes", "Han")),
    _c("02", QT_TRANSLATE_NOOP("codes", "Mongol")),
    _c("03", QT_TRANSLATE_NOOP("codes", "Hui")),
    _c("04", QT_TRANSLATE_NOOP("codes", "Tibetan")),
    _c("05", QT_TRANSLATE_NOOP("codes", "Uyghur")),
    _c("06", QT_TRANSLATE_NOOP("codes", "Miao")),
    _c("07", QT_TRANSLATE_NOOP("codes", "Yi")),
    _c("08", QT_TRANSLATE_NOOP("codes", "Zhuang")),
    _c("09", QT_TRANSLATE_NOOP("codes", "Bouyei")),
    _c("10", QT_TRANSLATE_NOOP("codes", "Korean")),
    _c("11", QT_TRANSLATE_NOOP("codes", "Manchu")),
    _c("12", QT_TRANSLATE_NOOP("codes", "Dong")),
    _c("13", QT_TRANSLATE_NOOP("codes", "Yao")),
    _c("14", QT_TRANSLATE_NOOP("codes", "Bai")),
    _c("15", QT_TRANSLATE_NOOP("codes", "Tujia")),
    _c("16", QT_TRANSLATE_NOOP("codes", "Hani")),
    _c("17", QT_TRANSLATE_NOOP("codes", "Kazakh")),
    _c("18", QT_TRANSLATE_NOOP("codes", "Dai")),
    _c("19", QT_TRANSLATE_NOOP("codes", "Li")),
    _c("20", QT_TRANSLATE_NOOP("codes", "Lisu")),
    _c("21", QT_TRANSLATE_NOOP("codes", "Wa")),
    _c("22", QT_TRANSLATE_NOOP("codes", "She")),
    _c("23", QT_TRANSLATE_NOOP("codes", "Gaoshan")),
    _c("24", QT_TRANSLATE_NOOP("codes", "Lahu")),
    _c("25", QT_TRANSLATE_NOOP("codes", "Sui")),
    _c("26", QT_TRANSLATE_NOOP("codes", "Dongxiang")),
    _c("27", QT_TRANSLATE_NOOP("codes", "Naxi")),
    _c("28", QT_TRANSLATE_NOOP("codes", "Jingpo")),
    _c("29", QT_TRANSLATE_NOOP("codes", "Kirgiz")),
    _c("30", QT_TRANSLATE_NOOP("codes", "Tu")),
    _c("31", QT_TRANSLATE_NOOP("codes", "Daur")),
    _c("32", QT_TRANSLATE_NOOP("codes", "Mulao")),
    _c("33", QT_TRANSLATE_NOOP("codes", "Qiang")),
    _c("34", QT_TRANSLATE_NOOP("codes", "Blang")),
    _c("35", QT_TRANSLATE_NOOP("codes", "Salar")),
    _c("36", QT_TRANSLATE_NOOP("codes", "Maonan")),
    _c("37", QT_TRANSLATE_NOOP("codes", "Gelao")),
    _c("38", QT_TRANSLATE_NOOP("codes", "Xibe")),
    _c("39", QT_TRANSLATE_NOOP("codes", "Achang")),
    _c("40", QT_TRANSLATE_NOOP("codes", "Pumi")),
    _c("41", QT_TRANSLATE_NOOP("codes", "Tajik")),
    _c("42", QT_TRANSLATE_NOOP("codes", "Nu")),
    _c("43", QT_TRANSLATE_NOOP("codes", "Uzbek")),
    _c("44", QT_TRANSLATE_NOOP("codes", "Russian")),
    _c("45", QT_TRANSLATE_NOOP("codes", "Ewenki")),
    _c("46", QT_TRANSLATE_NOOP("codes", "De'ang")),
    _c("47", QT_TRANSLATE_NOOP("codes", "Bonan")),
    _c("48", QT_TRANSLATE_NOOP("codes", "Yugur")),
    _c("49", QT_TRANSLATE_NOOP("codes", "Gin")),
    _c("50", QT_TRANSLATE_NOOP("codes", "Tatar")),
    _c("51", QT_TRANSLATE_NOOP("codes", "Derung")),
    _c("52", QT_TRANSLATE_NOOP("codes", "Oroqen")),
    _c("53", QT_TRANSLATE_NOOP("codes", "Hezhen")),
    _c("54", QT_TRANSLATE_NOOP("codes", "Monba")),
    _c("55", QT_TRANSLATE_NOOP("codes", "Lhoba")),
    _c("56", QT_TRANSLATE_NOOP("codes", "Jino")),
    _c("97", QT_TRANSLATE_NOOP("codes", "Other ethnic group")),
    _c("98", QT_TRANSLATE_NOOP("codes", "Chinese citizen of foreign origin")),
)

# GB/T 4762-1984 政治面貌代码; 12 is non-party personages, not a party.
POLITICAL_STATUS = CodeTable(
    _c("01", QT_TRANSLATE_NOOP("codes", "CPC member")),
    _c("02", QT_TRANSLATE_NOOP("codes", "CPC probationary member")),
    _c("03", QT_TRANSLATE_NOOP("codes", "Communist Youth League member")),
    _c("04", QT_TRANSLATE_NOOP("codes", "Revolutionary Committee of the Kuomintang member")),
    _c("05", QT_TRANSLATE_NOOP("codes", "China Democratic League member")),
    _c("06", QT_TRANSLATE_NOOP(
        "codes", "China National Democratic Construction Association member")),
    _c("07", QT_TRANSLATE_NOOP("codes", "China Association for Promoting Democracy member")),
    _c("08", QT_TRANSLATE_NOOP("codes", "Chinese Peasants and Workers Democratic Party member")),
    _c("09", QT_TRANSLATE_NOOP("codes", "China Zhi Gong Party member")),
    _c("10", QT_TRANSLATE_NOOP("codes", "Jiusan Society member")),
    _c("11", QT_TRANSLATE_NOOP("codes", "Taiwan Democratic Self-Government League member")),
    _c("12", QT_TRANSLATE_NOOP("codes", "Non-party personage")),
    _c("13", QT_TRANSLATE_NOOP("codes", "Masses (no party affiliation)")),
)

# GB/T 4658-2006 学历代码, the group codes, labelled with the printed short forms
# (中专 stands for all of 40, secondary vocational education).
EDUCATION = CodeTable(
    _c("10", QT_TRANSLATE_NOOP("codes", "Postgraduate")),
    _c("20", QT_TRANSLATE_NOOP("codes", "Bachelor's (university)")),
    _c("30", QT_TRANSLATE_NOOP("codes", "Junior college")),
    _c("40", QT_TRANSLATE_NOOP("codes", "Secondary vocational school")),
    _c("60", QT_TRANSLATE_NOOP("codes", "Senior high school")),
    _c("70", QT_TRANSLATE_NOOP("codes", "Junior high school")),
    _c("80", QT_TRANSLATE_NOOP("codes", "Primary school or below")),
)

# GB/T 6864-2003 中华人民共和国学位代码 (2 doctor, 3 master, 4 bachelor); the
# standard has no code for "no degree", so 0 is ours.
DEGREE = CodeTable(
    _c("0", QT_TRANSLATE_NOOP("codes", "No degree")),
    _c("4", QT_TRANSLATE_NOOP("codes", "Bachelor's degree")),
    _c("3", QT_TRANSLATE_NOOP("codes", "Master's degree")),
    _c("2", QT_TRANSLATE_NOOP("codes", "Doctorate")),
)

# The ID documents of DOMAIN.md. The public-security document codes (GA/T 517:
# 111 resident card, 414 passport, ...) have no single entry for "travel permit"
# (Hong Kong/Macau and Taiwan permits differ), so the stored codes are ours; the
# three whose numbers follow GB 11643 share their code with identity.IdNumber.kind
# (see identity.CHECKED_ID_TYPES).
ID_TYPES = CodeTable(
    _c("resident", QT_TRANSLATE_NOOP("codes", "Resident ID card")),
    _c("hmt_permit",
       QT_TRANSLATE_NOOP("codes", "Residence permit for Hong Kong, Macau and Taiwan residents")),
    _c("travel_permit", QT_TRANSLATE_NOOP("codes", "Travel permit to the mainland")),
    _c("passport", QT_TRANSLATE_NOOP("codes", "Passport")),
    _c("foreigner", QT_TRANSLATE_NOOP("codes", "Foreigner's permanent residence ID card")),
    _c("other", QT_TRANSLATE_NOOP("codes", "Other ID document")),
)

# --- Party members ------------------------------------------------------------------

MEMBER_STATUS = CodeTable(
    _c("full", QT_TRANSLATE_NOOP("codes", "Full member")),
    _c("probationary", QT_TRANSLATE_NOOP("codes", "Probationary member")),
)

MEMBER_CATEGORY = CodeTable(
    _c("direct", QT_TRANSLATE_NOOP("codes", "Directly managed member")),
    _c("in_service", QT_TRANSLATE_NOOP("codes", "In-service member")),
    _c("mobile", QT_TRANSLATE_NOOP("codes", "Mobile member")),
    _c("retired", QT_TRANSLATE_NOOP("codes", "Retired member")),
)

RELATION_STATUS = CodeTable(
    _c("normal", QT_TRANSLATE_NOOP("codes", "Membership normal")),
    _c("transferring_out", QT_TRANSLATE_NOOP("codes", "Transferring out")),
    _c("transferred_out", QT_TRANSLATE_NOOP("codes", "Transferred out")),
    _c("suspended", QT_TRANSLATE_NOOP("codes", "Membership suspended")),
    _c("expelled", QT_TRANSLATE_NOOP("codes", "Out of the party")),
    _c("deceased", QT_TRANSLATE_NOOP("codes", "Deceased")),
)

TRANSFER_STATUS = CodeTable(
    _c("draft", QT_TRANSLATE_NOOP("codes", "Transfer draft")),
    _c("review", QT_TRANSLATE_NOOP("codes", "Transfer under review")),
    _c("approved", QT_TRANSLATE_NOOP("codes", "Transfer approved")),
    _c("returned", QT_TRANSLATE_NOOP("codes", "Transfer returned")),
    _c("awaiting", QT_TRANSLATE_NOOP("codes", "Awaiting receipt")),
    _c("received", QT_TRANSLATE_NOOP("codes", "Receipt confirmed")),
)

# --- Field labels -------------------------------------------------------------------
# Labels of input fields, for messages that begin "{field}: ..." where the caller
# chooses the field (identity.parse_loose_date, normalize_name, parse_phone); pass
# them as errors.Term. A field missing here is shown by its key: add it.
FIELD_LABELS = CodeTable(
    _c("name", QT_TRANSLATE_NOOP("codes", "Full name")),
    _c("former_name", QT_TRANSLATE_NOOP("codes", "Former name")),
    _c("person_name", QT_TRANSLATE_NOOP("codes", "Full name")),
    _c("mobile", QT_TRANSLATE_NOOP("codes", "Phone")),
    _c("contact_phone", QT_TRANSLATE_NOOP("codes", "Contact phone")),
    _c("unit_contact_phone", QT_TRANSLATE_NOOP("codes", "Work unit contact phone")),
    _c("birth_date", QT_TRANSLATE_NOOP("codes", "Birth date")),
    _c("join_date", QT_TRANSLATE_NOOP("codes", "Join date")),
    _c("full_date", QT_TRANSLATE_NOOP("codes", "Full-membership date")),
    _c("leave_date", QT_TRANSLATE_NOOP("codes", "Leave date")),
    _c("move_in_date", QT_TRANSLATE_NOOP("codes", "Move-in date")),
    _c("move_out_date", QT_TRANSLATE_NOOP("codes", "Move-out date")),
    _c("death_date", QT_TRANSLATE_NOOP("codes", "Date of death")),
    _c("out_date", QT_TRANSLATE_NOOP("codes", "Transfer-out date")),
    _c("in_date", QT_TRANSLATE_NOOP("codes", "Transfer-in date")),
    _c("dues_paid_until", QT_TRANSLATE_NOOP("codes", "Dues paid up to")),
    _c("report_date", QT_TRANSLATE_NOOP("codes", "Report date")),
    _c("visit_date", QT_TRANSLATE_NOOP("codes", "Visit date")),
)
