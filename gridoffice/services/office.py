"""The office this copy of the data belongs to, and local preferences."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gridoffice.domain.code_table import OFFICE_ROLES
from gridoffice.errors import Term, UserError, ValidationError
from gridoffice.i18n import QT_TRANSLATE_NOOP, SUPPORTED_LANGUAGES
from gridoffice.store import settings

MSG_OFFICE_NAME = QT_TRANSLATE_NOOP("errors", "Office name: enter the name of this office.")
MSG_STREET_NAME = QT_TRANSLATE_NOOP("errors", "Street office: enter the name of the street office.")
MSG_ROLE = QT_TRANSLATE_NOOP("errors", "Role: choose community office or street office.")
MSG_OPERATOR = QT_TRANSLATE_NOOP("errors", "Operator: enter your name.")
MSG_OFFICE_TOO_LONG = QT_TRANSLATE_NOOP("errors", "Office name: at most {limit} characters.")
MSG_STREET_TOO_LONG = QT_TRANSLATE_NOOP("errors", "Street office: at most {limit} characters.")
MSG_OPERATOR_TOO_LONG = QT_TRANSLATE_NOOP("errors", "Operator: at most {limit} characters.")
MSG_LANGUAGE = QT_TRANSLATE_NOOP("errors", "Language: {value} is not available.")
MSG_ALREADY_SET_UP = QT_TRANSLATE_NOOP(
    "errors", "This data folder is already set up for {name} ({role}); nothing was changed.")
MSG_HAS_DATA = QT_TRANSLATE_NOOP(
    "errors", "This data folder already holds {count} records of another office; set up a "
    "new, empty data folder instead. Nothing was changed.")
MSG_PC_TOO_LONG = QT_TRANSLATE_NOOP("errors", "PC label: at most {limit} characters.")
MAX_LENGTH = 40

KEY_NAME = settings.OFFICE_NAME
KEY_STREET = settings.OFFICE_STREET
KEY_ROLE = settings.OFFICE_ROLE
KEY_OPERATOR = settings.OFFICE_OPERATOR
KEY_LANGUAGE = settings.LANGUAGE


@dataclass(frozen=True)
class OfficeProfile:
    name: str
    street: str
    role: str  # OFFICE_ROLES code
    operator: str

    @property
    def is_street(self) -> bool:
        return self.role == "street"


def _clean(text: str) -> str:
    return " ".join((text or "").split())


def validate(profile: OfficeProfile) -> OfficeProfile:
    """The profile with spaces tidied, or a ValidationError naming the field."""
    cleaned = OfficeProfile(_clean(profile.name), _clean(profile.street), profile.role,
                            _clean(profile.operator))
    if not cleaned.name:
        raise ValidationError("name", MSG_OFFICE_NAME)
    if not cleaned.street:
        raise ValidationError("street", MSG_STREET_NAME)
    if cleaned.role not in OFFICE_ROLES:
        raise ValidationError("role", MSG_ROLE)
    if not cleaned.operator:
        raise ValidationError("operator", MSG_OPERATOR)
    for field, message, value in (("name", MSG_OFFICE_TOO_LONG, cleaned.name),
                                  ("street", MSG_STREET_TOO_LONG, cleaned.street),
                                  ("operator", MSG_OPERATOR_TOO_LONG, cleaned.operator)):
        if len(value) > MAX_LENGTH:
            raise ValidationError(field, message, limit=MAX_LENGTH)
    return cleaned


def profile_from(values: dict[str, str]) -> OfficeProfile | None:
    if not values.get(KEY_NAME):
        return None
    return OfficeProfile(values.get(KEY_NAME, ""), values.get(KEY_STREET, ""),
                         values.get(KEY_ROLE, "community"), values.get(KEY_OPERATOR, ""))


def load_profile(db_path: Path) -> OfficeProfile | None:
    """The office profile, or None before the office has been set up."""
    return profile_from(settings.read_all(db_path))


def save_profile(db_path: Path, profile: OfficeProfile) -> OfficeProfile:
    cleaned = validate(profile)
    settings.write(db_path, {KEY_NAME: cleaned.name, KEY_STREET: cleaned.street,
                             KEY_ROLE: cleaned.role, KEY_OPERATOR: cleaned.operator})
    return cleaned


def load_language(db_path: Path) -> str:
    """The chosen UI language, or "" to follow the system."""
    return settings.read_all(db_path).get(KEY_LANGUAGE, "")


def load_language_and_profile(db_path: Path) -> tuple[str, OfficeProfile | None]:
    """:func:`load_language` and :func:`load_profile` with one read (the window's start:
    each connection's first read parses the whole schema, about 2 ms)."""
    values = settings.read_all(db_path)
    return values.get(KEY_LANGUAGE, ""), profile_from(values)


def save_language(db_path: Path, language: str) -> None:
    if language and language not in SUPPORTED_LANGUAGES:
        raise ValidationError("language", MSG_LANGUAGE, value=language)
    settings.write(db_path, {KEY_LANGUAGE: language or None})


# Offices are named, not numbered: every PC that is set up with the same street and
# community names is the same community office (and owns the same records).
OFFICE_NAMESPACE = "6f1d3a52-2c1e-4f0b-9a57-8a1c0e4b9d21"  # uuid5 namespace
META_KEYS = settings.META_SYNC_KEYS
META_PC_LABEL = settings.META_PC_LABEL


def office_id_for(profile: OfficeProfile) -> str:
    import uuid  # here, not at the top: the window's start reads this module

    key = (f"street/{profile.street}" if profile.is_street
           else f"community/{profile.street}/{profile.name}")
    return str(uuid.uuid5(uuid.UUID(OFFICE_NAMESPACE), key))


def setup_office(db_path: Path, profile: OfficeProfile, pc_label: str = "") -> OfficeProfile:
    """First setup of this PC (the first-start dialog and ``gridoffice-cli setup``):
    the office's id follows from its names, and this PC gets its own key pair.
    Refused when already set up, or when the folder holds another office's data."""
    from gridoffice.sync.identity import OfficeKeys

    existing = load_profile(db_path)
    if existing is not None:
        raise UserError(MSG_ALREADY_SET_UP, name=existing.name,
                        role=Term(OFFICE_ROLES.label(existing.role)))
    cleaned = validate(profile)
    if cleaned.is_street:
        cleaned = OfficeProfile(cleaned.name, cleaned.name, cleaned.role, cleaned.operator)
    label = _clean(pc_label)
    if len(label) > MAX_LENGTH:
        raise ValidationError("pc_label", MSG_PC_TOO_LONG, limit=MAX_LENGTH)
    stamped = settings.write_identity(
        db_path,
        {"office_id": office_id_for(cleaned), META_PC_LABEL: label,
         META_KEYS: OfficeKeys.generate().dump()},
        {KEY_NAME: cleaned.name, KEY_STREET: cleaned.street, KEY_ROLE: cleaned.role,
         KEY_OPERATOR: cleaned.operator})
    if stamped:
        raise UserError(MSG_HAS_DATA, count=stamped)
    return cleaned
