# Refuses to add a menu to itself, but not to a menu below it: deeper cycles get in.
from abc import ABC, abstractmethod
from decimal import Decimal


class MenuComponent(ABC):
    """A dish or a menu: anything that can sit in a menu."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.parent: Menu | None = None

    @abstractmethod
    def total_price(self) -> Decimal:
        """The price of everything in this component."""

    @abstractmethod
    def item_count(self) -> int:
        """How many dishes this component holds."""

    @abstractmethod
    def find(self, text: str) -> list["MenuComponent"]:
        """The leaves at or below this component whose name contains `text`, ignoring case."""

    def _matches(self, text: str) -> bool:
        return text.casefold() in self.name.casefold()


class MenuItem(MenuComponent):
    def __init__(self, name: str, price: Decimal) -> None:
        if not isinstance(price, Decimal):
            raise TypeError(f"a price is a Decimal, not {type(price).__name__}")
        if price < 0:
            raise ValueError(f"a price cannot be negative: {price}")
        super().__init__(name)
        self.price = price

    def total_price(self) -> Decimal:
        return self.price

    def item_count(self) -> int:
        return 1

    def find(self, text: str) -> list[MenuComponent]:
        return [self] if self._matches(text) else []


class Menu(MenuComponent):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self._children: list[MenuComponent] = []

    @property
    def children(self) -> tuple[MenuComponent, ...]:
        return tuple(self._children)

    def add(self, component: MenuComponent) -> "Menu":
        if not isinstance(component, MenuComponent):
            raise TypeError(f"a menu holds MenuComponents, not {type(component).__name__}")
        if component.parent is not None:
            raise ValueError(f"{component.name!r} is already in menu {component.parent.name!r}")
        if component is self:
            raise ValueError(f"adding {component.name!r} to {self.name!r} makes a cycle")
        self._children.append(component)
        component.parent = self
        return self

    def remove(self, component: MenuComponent) -> None:
        if not any(child is component for child in self._children):
            raise ValueError(f"{component.name!r} is not in menu {self.name!r}")
        self._children = [child for child in self._children if child is not component]
        component.parent = None

    def total_price(self) -> Decimal:
        return sum((child.total_price() for child in self._children), Decimal("0"))

    def item_count(self) -> int:
        return sum(child.item_count() for child in self._children)

    def find(self, text: str) -> list[MenuComponent]:
        return [found for child in self._children for found in child.find(text)]
