# Theme.style formats the output itself, switching on the renderer's type: a new renderer is
# treated as an inline one.
from abc import ABC, abstractmethod

COMPONENTS: dict[str, dict[str, str]] = {
    # component -> {CSS property: colour token}, in the order the output lists them
    "page": {"background-color": "background", "color": "text"},
    "card": {"background-color": "surface", "color": "text", "border-color": "accent"},
    "button": {"background-color": "accent", "color": "on-accent"},
}


class Renderer(ABC):
    """Implementation side: how resolved properties are written out."""

    @abstractmethod
    def render(self, component: str, properties: dict[str, str]) -> str:
        """The output for one component's CSS properties, in order."""


class CssRenderer(Renderer):
    def render(self, component: str, properties: dict[str, str]) -> str:
        body = " ".join(f"{name}: {value};" for name, value in properties.items())
        return f".{component} {{ {body} }}"


class InlineRenderer(Renderer):
    def render(self, component: str, properties: dict[str, str]) -> str:
        return "; ".join(f"{name}: {value}" for name, value in properties.items())


class Theme(ABC):
    """Abstraction side: which colour goes to which property, whatever the renderer."""

    def __init__(self, renderer: Renderer) -> None:
        self.renderer = renderer

    @abstractmethod
    def palette(self) -> dict[str, str]:
        """Colour tokens to colours."""

    def style(self, component: str) -> str:
        if component not in COMPONENTS:
            raise ValueError(f"unknown component {component!r}")
        palette = self.palette()
        missing = [t for t in COMPONENTS[component].values() if t not in palette]
        if missing:
            raise ValueError(f"{type(self).__name__} has no colour for {', '.join(missing)}")
        properties = {prop: palette[token] for prop, token in COMPONENTS[component].items()}
        if isinstance(self.renderer, CssRenderer):
            body = " ".join(f"{name}: {value};" for name, value in properties.items())
            return f".{component} {{ {body} }}"
        return "; ".join(f"{name}: {value}" for name, value in properties.items())


class LightTheme(Theme):
    def palette(self) -> dict[str, str]:
        return {"background": "#ffffff", "surface": "#f3f4f6", "text": "#111827",
                "accent": "#2563eb", "on-accent": "#ffffff"}


class DarkTheme(Theme):
    def palette(self) -> dict[str, str]:
        return {"background": "#0b1120", "surface": "#1f2937", "text": "#f9fafb",
                "accent": "#60a5fa", "on-accent": "#0b1120"}
