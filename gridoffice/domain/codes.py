"""Code tables: stored codes and their English labels (translated for display).

Stored values are stable ASCII codes; what a person reads is the label, which
goes through the message catalogue (context ``codes``). Paper ledgers are
official Chinese forms and always use the ``zh_CN`` label.
"""

from __future__ import annotations

from gridoffice.domain.code_table import (  # noqa: F401 - the tables' home too
    CONTEXT,
    OFFICE_ROLES,
    Code,
    CodeTable,
    _c,
    zh_label,
)
from gridoffice.i18n import QT_TRANSLATE_NOOP

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
    _c("part_time", QT_TRANSLATE_NOOP("codes", "Part-time member from a unit")),
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

# --- Grids and households (网格 / 实有人口) -------------------------------------------
# Stored codes are ours (no national standard) unless a standard is named.

GRID_TYPES = CodeTable(
    _c("city", QT_TRANSLATE_NOOP("codes", "Urban grid")),
    _c("rural", QT_TRANSLATE_NOOP("codes", "Rural grid")),
    _c("dedicated", QT_TRANSLATE_NOOP("codes", "Dedicated grid")),
)

# What a dedicated grid (专属网格) covers.
DEDICATED_KINDS = CodeTable(
    _c("government", QT_TRANSLATE_NOOP("codes", "Party and government organs")),
    _c("hospital", QT_TRANSLATE_NOOP("codes", "Hospital")),
    _c("school", QT_TRANSLATE_NOOP("codes", "School")),
    _c("enterprise", QT_TRANSLATE_NOOP("codes", "Enterprise")),
    _c("park", QT_TRANSLATE_NOOP("codes", "Industrial park")),
    _c("business_district", QT_TRANSLATE_NOOP("codes", "Business district")),
    _c("market", QT_TRANSLATE_NOOP("codes", "Market")),
    _c("scenic_area", QT_TRANSLATE_NOOP("codes", "Scenic area")),
    _c("other", QT_TRANSLATE_NOOP("codes", "Other")),
)

# The grid team "1+2+X": one leader, two who do the work, X who assist.
GRID_ROLES = CodeTable(
    _c("leader", QT_TRANSLATE_NOOP("codes", "Grid leader")),
    _c("full_time", QT_TRANSLATE_NOOP("codes", "Full-time grid worker")),
    _c("direct_member", QT_TRANSLATE_NOOP("codes", "Directly managed member")),
    _c("part_time", QT_TRANSLATE_NOOP("codes", "Part-time grid worker")),
    _c("building_head", QT_TRANSLATE_NOOP("codes", "Building head")),
    _c("in_service", QT_TRANSLATE_NOOP("codes", "In-service member")),
    _c("volunteer", QT_TRANSLATE_NOOP("codes", "Volunteer")),
)

BUILDING_KINDS = CodeTable(
    _c("residential", QT_TRANSLATE_NOOP("codes", "Residential building")),
    _c("courtyard", QT_TRANSLATE_NOOP("codes", "Single-storey courtyard")),
    _c("apartment", QT_TRANSLATE_NOOP("codes", "Apartment building")),
    _c("mixed", QT_TRANSLATE_NOOP("codes", "Commercial-residential building")),
)

HOUSE_USES = CodeTable(
    _c("owner_occupied", QT_TRANSLATE_NOOP("codes", "Owner-occupied")),
    _c("rented", QT_TRANSLATE_NOOP("codes", "Rented out")),
    _c("commercial", QT_TRANSLATE_NOOP("codes", "Commercial use")),
    _c("vacant", QT_TRANSLATE_NOOP("codes", "Vacant")),
    _c("other", QT_TRANSLATE_NOOP("codes", "Other")),
    _c("to_check", QT_TRANSLATE_NOOP("codes", "To be checked")),
)

HOUSEHOLD_KINDS = CodeTable(
    _c("family", QT_TRANSLATE_NOOP("codes", "Family household")),
    _c("collective", QT_TRANSLATE_NOOP("codes", "Collective household")),
)

# GB/T 4761-2008 家庭关系代码, as a relation to the head of household. Groups: 02
# head; 1x spouse; 2x son (28 son-in-law); 3x daughter (38 daughter-in-law); 4x
# grandchildren; 5x parents; 6x grandparents; 7x siblings; 80 other, with 81-97
# the named other relatives (so the 9x codes are relatives too); 99 non-relative.
# The x0 codes are the groups themselves, for when nothing closer is known. 01
# 本人 ("self") is left out: relative to the head, the head is 02 户主.
RELATION_TO_HEAD = CodeTable(
    _c("02", QT_TRANSLATE_NOOP("codes", "Head of household")),
    _c("10", QT_TRANSLATE_NOOP("codes", "Spouse")),
    _c("11", QT_TRANSLATE_NOOP("codes", "Husband")),
    _c("12", QT_TRANSLATE_NOOP("codes", "Wife")),
    _c("20", QT_TRANSLATE_NOOP("codes", "Son")),
    _c("21", QT_TRANSLATE_NOOP("codes", "Only son")),
    _c("22", QT_TRANSLATE_NOOP("codes", "Eldest son")),
    _c("23", QT_TRANSLATE_NOOP("codes", "Second son")),
    _c("24", QT_TRANSLATE_NOOP("codes", "Third son")),
    _c("25", QT_TRANSLATE_NOOP("codes", "Fourth son")),
    _c("26", QT_TRANSLATE_NOOP("codes", "Fifth son")),
    _c("27", QT_TRANSLATE_NOOP("codes", "Adopted son or stepson")),
    _c("28", QT_TRANSLATE_NOOP("codes", "Son-in-law")),
    _c("29", QT_TRANSLATE_NOOP("codes", "Other son")),
    _c("30", QT_TRANSLATE_NOOP("codes", "Daughter")),
    _c("31", QT_TRANSLATE_NOOP("codes", "Only daughter")),
    _c("32", QT_TRANSLATE_NOOP("codes", "Eldest daughter")),
    _c("33", QT_TRANSLATE_NOOP("codes", "Second daughter")),
    _c("34", QT_TRANSLATE_NOOP("codes", "Third daughter")),
    _c("35", QT_TRANSLATE_NOOP("codes", "Fourth daughter")),
    _c("36", QT_TRANSLATE_NOOP("codes", "Fifth daughter")),
    _c("37", QT_TRANSLATE_NOOP("codes", "Adopted daughter or stepdaughter")),
    _c("38", QT_TRANSLATE_NOOP("codes", "Daughter-in-law")),
    _c("39", QT_TRANSLATE_NOOP("codes", "Other daughter")),
    _c("40", QT_TRANSLATE_NOOP("codes", "Grandchild")),
    _c("41", QT_TRANSLATE_NOOP("codes", "Grandson (son's son)")),
    _c("42", QT_TRANSLATE_NOOP("codes", "Granddaughter (son's daughter)")),
    _c("43", QT_TRANSLATE_NOOP("codes", "Grandson (daughter's son)")),
    _c("44", QT_TRANSLATE_NOOP("codes", "Granddaughter (daughter's daughter)")),
    _c("45", QT_TRANSLATE_NOOP("codes", "Grandson's wife")),
    _c("46", QT_TRANSLATE_NOOP("codes", "Granddaughter's husband")),
    _c("47", QT_TRANSLATE_NOOP("codes", "Great-grandson")),
    _c("48", QT_TRANSLATE_NOOP("codes", "Great-granddaughter")),
    _c("49", QT_TRANSLATE_NOOP("codes", "Other grandchild")),
    _c("50", QT_TRANSLATE_NOOP("codes", "Parent")),
    _c("51", QT_TRANSLATE_NOOP("codes", "Father")),
    _c("52", QT_TRANSLATE_NOOP("codes", "Mother")),
    _c("53", QT_TRANSLATE_NOOP("codes", "Father-in-law (husband's father)")),
    _c("54", QT_TRANSLATE_NOOP("codes", "Mother-in-law (husband's mother)")),
    _c("55", QT_TRANSLATE_NOOP("codes", "Father-in-law (wife's father)")),
    _c("56", QT_TRANSLATE_NOOP("codes", "Mother-in-law (wife's mother)")),
    _c("57", QT_TRANSLATE_NOOP("codes", "Stepfather or adoptive father")),
    _c("58", QT_TRANSLATE_NOOP("codes", "Stepmother or adoptive mother")),
    _c("59", QT_TRANSLATE_NOOP("codes", "Other parent")),
    _c("60", QT_TRANSLATE_NOOP("codes", "Grandparent")),
    _c("61", QT_TRANSLATE_NOOP("codes", "Paternal grandfather")),
    _c("62", QT_TRANSLATE_NOOP("codes", "Paternal grandmother")),
    _c("63", QT_TRANSLATE_NOOP("codes", "Maternal grandfather")),
    _c("64", QT_TRANSLATE_NOOP("codes", "Maternal grandmother")),
    _c("65", QT_TRANSLATE_NOOP("codes", "Spouse's grandparent")),
    _c("66", QT_TRANSLATE_NOOP("codes", "Great-grandfather")),
    _c("67", QT_TRANSLATE_NOOP("codes", "Great-grandmother")),
    _c("68", QT_TRANSLATE_NOOP("codes", "Spouse's great-grandparent")),
    _c("69", QT_TRANSLATE_NOOP("codes", "Other grandparent")),
    _c("70", QT_TRANSLATE_NOOP("codes", "Sibling")),
    _c("71", QT_TRANSLATE_NOOP("codes", "Elder brother")),
    _c("72", QT_TRANSLATE_NOOP("codes", "Elder brother's wife")),
    _c("73", QT_TRANSLATE_NOOP("codes", "Younger brother")),
    _c("74", QT_TRANSLATE_NOOP("codes", "Younger brother's wife")),
    _c("75", QT_TRANSLATE_NOOP("codes", "Elder sister")),
    _c("76", QT_TRANSLATE_NOOP("codes", "Elder sister's husband")),
    _c("77", QT_TRANSLATE_NOOP("codes", "Younger sister")),
    _c("78", QT_TRANSLATE_NOOP("codes", "Younger sister's husband")),
    _c("79", QT_TRANSLATE_NOOP("codes", "Other sibling")),
    _c("80", QT_TRANSLATE_NOOP("codes", "Other relationship")),
    _c("81", QT_TRANSLATE_NOOP("codes", "Father's elder brother")),
    _c("82", QT_TRANSLATE_NOOP("codes", "Wife of father's elder brother")),
    _c("83", QT_TRANSLATE_NOOP("codes", "Father's younger brother")),
    _c("84", QT_TRANSLATE_NOOP("codes", "Wife of father's younger brother")),
    _c("85", QT_TRANSLATE_NOOP("codes", "Mother's brother")),
    _c("86", QT_TRANSLATE_NOOP("codes", "Wife of mother's brother")),
    _c("87", QT_TRANSLATE_NOOP("codes", "Husband of mother's sister")),
    _c("88", QT_TRANSLATE_NOOP("codes", "Mother's sister")),
    _c("89", QT_TRANSLATE_NOOP("codes", "Husband of father's sister")),
    _c("90", QT_TRANSLATE_NOOP("codes", "Father's sister")),
    _c("91", QT_TRANSLATE_NOOP("codes", "Paternal cousin")),
    _c("92", QT_TRANSLATE_NOOP("codes", "Cousin (maternal or through a father's sister)")),
    _c("93", QT_TRANSLATE_NOOP("codes", "Brother's son")),
    _c("94", QT_TRANSLATE_NOOP("codes", "Brother's daughter")),
    _c("95", QT_TRANSLATE_NOOP("codes", "Sister's son")),
    _c("96", QT_TRANSLATE_NOOP("codes", "Sister's daughter")),
    _c("97", QT_TRANSLATE_NOOP("codes", "Other relative")),
    _c("99", QT_TRANSLATE_NOOP("codes", "Non-relative")),
)
RELATION_HEAD = "02"

# GB/T 2261.2-2003 婚姻状况代码
MARITAL_STATUS = CodeTable(
    _c("10", QT_TRANSLATE_NOOP("codes", "Unmarried")),
    _c("20", QT_TRANSLATE_NOOP("codes", "Married")),
    _c("21", QT_TRANSLATE_NOOP("codes", "First marriage")),
    _c("22", QT_TRANSLATE_NOOP("codes", "Remarried")),
    _c("23", QT_TRANSLATE_NOOP("codes", "Remarried to the former spouse")),
    _c("30", QT_TRANSLATE_NOOP("codes", "Widowed")),
    _c("40", QT_TRANSLATE_NOOP("codes", "Divorced")),
    _c("90", QT_TRANSLATE_NOOP("codes", "Marital status not stated")),
)

POPULATION_TYPES = CodeTable(
    _c("registered", QT_TRANSLATE_NOOP("codes", "Registered population")),
    _c("floating", QT_TRANSLATE_NOOP("codes", "Floating population")),
    _c("overseas", QT_TRANSLATE_NOOP("codes", "Person from outside the mainland")),
    _c("unregistered", QT_TRANSLATE_NOOP("codes", "Person without household registration")),
)

# 人户一致 / 人户分离: where the person lives against where the hukou is.
RESIDENCE_STATUS = CodeTable(
    _c("together", QT_TRANSLATE_NOOP("codes", "Lives where registered")),
    _c("person_only", QT_TRANSLATE_NOOP("codes", "Lives here, registered elsewhere")),
    _c("hukou_only", QT_TRANSLATE_NOOP("codes", "Registered here, lives elsewhere")),
)

MOVE_IN_REASONS = CodeTable(
    _c("work", QT_TRANSLATE_NOOP("codes", "Work")),
    _c("business", QT_TRANSLATE_NOOP("codes", "Business")),
    _c("study", QT_TRANSLATE_NOOP("codes", "Study")),
    _c("relatives", QT_TRANSLATE_NOOP("codes", "Joining relatives")),
    _c("other", QT_TRANSLATE_NOOP("codes", "Other")),
)

# Care tags are sensitive personal information (separate permission). very_old is
# derived from the birth date (households.derived_care_tags), never set by hand.
CARE_TAGS = CodeTable(
    _c("subsistence", QT_TRANSLATE_NOOP("codes", "Subsistence allowance household")),
    _c("extreme_poverty", QT_TRANSLATE_NOOP("codes", "Person in extreme poverty")),
    _c("low_income", QT_TRANSLATE_NOOP("codes", "Low-income family")),
    _c("disabled", QT_TRANSLATE_NOOP("codes", "Person with disability")),
    _c("living_alone", QT_TRANSLATE_NOOP("codes", "Elderly person living alone")),
    _c("empty_nest", QT_TRANSLATE_NOOP("codes", "Empty-nest elderly")),
    _c("very_old", QT_TRANSLATE_NOOP("codes", "Person aged 80 or over")),
    _c("lost_only_child", QT_TRANSLATE_NOOP("codes", "Family that lost its only child")),
    _c("left_behind_child", QT_TRANSLATE_NOOP("codes", "Left-behind child")),
    _c("child_in_difficulty", QT_TRANSLATE_NOOP("codes", "Child in difficulty")),
    _c("veteran", QT_TRANSLATE_NOOP("codes", "Veteran")),
    _c("entitled", QT_TRANSLATE_NOOP("codes", "Entitled to special care")),
)

# GB/T 26341-2010 残疾人残疾分类和分级: the category and grade digits of the
# disability certificate (残疾人证) number.
DISABILITY_TYPES = CodeTable(
    _c("1", QT_TRANSLATE_NOOP("codes", "Visual disability")),
    _c("2", QT_TRANSLATE_NOOP("codes", "Hearing disability")),
    _c("3", QT_TRANSLATE_NOOP("codes", "Speech disability")),
    _c("4", QT_TRANSLATE_NOOP("codes", "Physical disability")),
    _c("5", QT_TRANSLATE_NOOP("codes", "Intellectual disability")),
    _c("6", QT_TRANSLATE_NOOP("codes", "Mental disability")),
    _c("7", QT_TRANSLATE_NOOP("codes", "Multiple disabilities")),
)

DISABILITY_GRADES = CodeTable(
    _c("1", QT_TRANSLATE_NOOP("codes", "Disability grade 1")),
    _c("2", QT_TRANSLATE_NOOP("codes", "Disability grade 2")),
    _c("3", QT_TRANSLATE_NOOP("codes", "Disability grade 3")),
    _c("4", QT_TRANSLATE_NOOP("codes", "Disability grade 4")),
)


class RestrictedCodeTable:
    """A code table of restricted data (control tags).

    Deliberately *not* a :class:`CodeTable`: whatever collects, lists or exports
    code tables by type (combo boxes, code-table printouts, settings screens) does
    not pick it up by accident. Only code that has checked the user's permission
    should name it. It answers the same questions as a CodeTable.
    """

    restricted = True

    def __init__(self, *codes: Code) -> None:
        self._table = CodeTable(*codes)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._table)

    def __contains__(self, code: object) -> bool:
        return code in self._table

    def get(self, code: str) -> Code:
        return self._table.get(code)

    def label(self, code: str | None) -> str:
        return self._table.label(code)

    def zh(self, code: str | None) -> str:
        return self._table.zh(code)


# Control tags (重点人员): restricted access, never on general ledgers or lists.
CONTROL_TAGS = RestrictedCodeTable(
    _c("released_prisoner", QT_TRANSLATE_NOOP("codes", "Released prisoner")),
    _c("community_correction", QT_TRANSLATE_NOOP("codes", "Person under community correction")),
    _c("drug_user", QT_TRANSLATE_NOOP("codes", "Drug user")),
    _c("severe_mental_disorder",
       QT_TRANSLATE_NOOP("codes", "Patient with a severe mental disorder")),
    _c("key_youth", QT_TRANSLATE_NOOP("codes", "Youth needing attention")),
    _c("key_petitioner", QT_TRANSLATE_NOOP("codes", "Petitioner needing attention")),
)
