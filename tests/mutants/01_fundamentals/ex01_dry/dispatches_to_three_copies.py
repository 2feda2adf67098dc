# clean() picks one of three copied validators by field name: still copies, no new fields.
import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class TextField:
    """What distinguishes one text field of the form from another."""

    name: str
    min_length: int
    max_length: int
    pattern: str
    allowed: str
    transform: Callable[[str], str] | None = None


def _clean_username(raw: object) -> str:
    if not isinstance(raw, str):
        raise TypeError("username must be a string")
    value = raw.strip().lower()
    if len(value) < 3 or len(value) > 20:
        raise ValueError("username must be 3 to 20 characters long")
    if not re.fullmatch(r"[a-z0-9_]+", value):
        raise ValueError("username may only contain lower-case letters, digits and _")
    return value


def _clean_display_name(raw: object) -> str:
    if not isinstance(raw, str):
        raise TypeError("display name must be a string")
    value = raw.strip()
    if len(value) < 1 or len(value) > 40:
        raise ValueError("display name must be 1 to 40 characters long")
    if not re.fullmatch(r"[A-Za-z0-9 .'-]+", value):
        raise ValueError("display name may only contain letters, digits, spaces and . ' -")
    return value


def _clean_team_code(raw: object) -> str:
    if not isinstance(raw, str):
        raise TypeError("team code must be a string")
    value = raw.strip().upper()
    if len(value) < 4 or len(value) > 8:
        raise ValueError("team code must be 4 to 8 characters long")
    if not re.fullmatch(r"[A-Z0-9]+", value):
        raise ValueError("team code may only contain upper-case letters and digits")
    return value


_CLEANERS = {
    "username": _clean_username,
    "display name": _clean_display_name,
    "team code": _clean_team_code,
}


def clean(raw: object, field: TextField) -> str:
    return _CLEANERS[field.name](raw)


USERNAME = TextField(
    "username", 3, 20, r"[a-z0-9_]+", "lower-case letters, digits and _", str.lower
)
DISPLAY_NAME = TextField(
    "display name", 1, 40, r"[A-Za-z0-9 .'-]+", "letters, digits, spaces and . ' -"
)
TEAM_CODE = TextField(
    "team code", 4, 8, r"[A-Z0-9]+", "upper-case letters and digits", str.upper
)
