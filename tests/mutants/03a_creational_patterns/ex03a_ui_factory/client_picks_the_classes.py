# login_dialog picks concrete classes by checking the factory: a new family gets terminal widgets.
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
    """Holds other widgets, all of its own family: the rule lives here, once for all families."""

    def __init__(self, title: str, children: Iterable[Widget]) -> None:
        children = tuple(children)
        for child in children:
            if child.family != self.family:
                raise ValueError(
                    f"the {self.family} dialog cannot hold {type(child).__name__}, "
                    f"a widget of the {child.family} family"
                )
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


class HtmlDialog(Dialog):
    family = "html"

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
    """The sign-in dialog, for the web or for the terminal."""
    if isinstance(widgets, HtmlWidgets):
        fields = [HtmlTextField("email"), HtmlTextField("password")]
        return HtmlDialog("Sign in", [*fields, HtmlButton("Sign in")])
    fields = [TerminalTextField("email"), TerminalTextField("password")]
    return TerminalDialog("Sign in", [*fields, TerminalButton("Sign in")])
