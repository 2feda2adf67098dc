# Each known family's dialog checks its children, the abstract Dialog does not: a new family mixes.
from abc import ABC, abstractmethod
from collections.abc import Iterable


class Widget(ABC):
    """Something a screen shows. `family` names the family it was made for."""

    family: str = ""

    @abstractmethod
    def render(self) -> str:
        """The widget, drawn for its family."""


class Button(Widget):
    def __init__(self, label: str) -> None:
        self.label = label


class TextField(Widget):
    def __init__(self, name: str) -> None:
        self.name = name


class Dialog(Widget):
    """Holds other widgets."""

    def __init__(self, title: str, children: Iterable[Widget]) -> None:
        children = tuple(children)
        self.title = title
        self.children = children


class WidgetFactory(ABC):
    """Creates one family of widgets that belong together."""

    family: str = ""

    @abstractmethod
    def create_button(self, label: str) -> Button: ...

    @abstractmethod
    def create_text_field(self, name: str) -> TextField: ...

    @abstractmethod
    def create_dialog(self, title: str, children: Iterable[Widget]) -> Dialog: ...


class HtmlButton(Button):
    family = "html"

    def render(self) -> str:
        return f"<button>{self.label}</button>"


class HtmlTextField(TextField):
    family = "html"

    def render(self) -> str:
        return f'<input name="{self.name}">'


def _check_family(family: str, children: Iterable[Widget]) -> None:
    for child in children:
        if child.family != family:
            raise ValueError(f"the {family} dialog cannot hold a {child.family} widget")


class HtmlDialog(Dialog):
    family = "html"

    def __init__(self, title: str, children: Iterable[Widget]) -> None:
        super().__init__(title, children)
        _check_family(self.family, self.children)

    def render(self) -> str:
        inside = "".join(child.render() for child in self.children)
        return f"<dialog><h1>{self.title}</h1>{inside}</dialog>"


class TerminalButton(Button):
    family = "terminal"

    def render(self) -> str:
        return f"[ {self.label} ]"


class TerminalTextField(TextField):
    family = "terminal"

    def render(self) -> str:
        return f"{self.name}: ________"


class TerminalDialog(Dialog):
    family = "terminal"

    def __init__(self, title: str, children: Iterable[Widget]) -> None:
        super().__init__(title, children)
        _check_family(self.family, self.children)

    def render(self) -> str:
        return "\n".join([f"== {self.title} ==", *(child.render() for child in self.children)])


class HtmlWidgets(WidgetFactory):
    family = "html"

    def create_button(self, label: str) -> Button:
        return HtmlButton(label)

    def create_text_field(self, name: str) -> TextField:
        return HtmlTextField(name)

    def create_dialog(self, title: str, children: Iterable[Widget]) -> Dialog:
        return HtmlDialog(title, children)


class TerminalWidgets(WidgetFactory):
    family = "terminal"

    def create_button(self, label: str) -> Button:
        return TerminalButton(label)

    def create_text_field(self, name: str) -> TextField:
        return TerminalTextField(name)

    def create_dialog(self, title: str, children: Iterable[Widget]) -> Dialog:
        return TerminalDialog(title, children)


def login_dialog(widgets: WidgetFactory) -> Dialog:
    """The sign-in dialog, in whatever family `widgets` makes."""
    fields = [widgets.create_text_field("email"), widgets.create_text_field("password")]
    return widgets.create_dialog("Sign in", [*fields, widgets.create_button("Sign in")])
