# The pool is a class attribute: every factory shares it, so a new factory is not empty.
import re
import threading
from dataclasses import dataclass
from html import escape

_HEX_COLOR = re.compile(r"#(?:[0-9a-f]{3}|[0-9a-f]{6})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TextStyle:
    """Intrinsic state: shared by every label drawn in this style, so immutable."""

    font: str
    size: int
    color: str
    bold: bool = False

    def render(self, text: str, x: int, y: int) -> str:
        weight = ' font-weight="bold"' if self.bold else ""
        return (f'<text x="{x}" y="{y}" font-family="{self.font}" font-size="{self.size}" '
                f'fill="{self.color}"{weight}>{escape(text)}</text>')


def style_key(font: object, size: object, color: object, bold: object) -> tuple:
    """The checked, normalised intrinsic state: equal styles give equal keys."""
    if not isinstance(font, str) or not isinstance(color, str):
        raise TypeError("font and color must be strings")
    if type(size) is not int or type(bold) is not bool:
        raise TypeError("size must be an int and bold a bool")
    if not font.strip() or size <= 0:
        raise ValueError("the font must not be blank and the size must be positive")
    if not _HEX_COLOR.fullmatch(color):
        raise ValueError(f"{color!r} is not a #rgb or #rrggbb colour")
    digits = color[1:].lower()
    if len(digits) == 3:
        digits = "".join(2 * digit for digit in digits)
    return (font.strip(), size, f"#{digits}", bold)


class StyleFactory:
    """Hands out one TextStyle per distinct style; safe to call from many threads."""

    _styles: dict[tuple, TextStyle] = {}
    _creating = threading.Lock()

    def get(self, font: str, size: int, color: str, bold: bool = False) -> TextStyle:
        key = style_key(font, size, color, bold)
        with self._creating:
            style = self._styles.get(key)
            if style is None:
                style = self._styles[key] = TextStyle(*key)
            return style

    def __len__(self) -> int:
        return len(self._styles)


class Label:
    """Extrinsic state: where this text goes, and a reference to its shared style."""

    __slots__ = ("text", "x", "y", "style")

    def __init__(self, text: str, x: int, y: int, style: TextStyle) -> None:
        self.text, self.x, self.y, self.style = text, x, y, style

    def render(self) -> str:
        return self.style.render(self.text, self.x, self.y)
