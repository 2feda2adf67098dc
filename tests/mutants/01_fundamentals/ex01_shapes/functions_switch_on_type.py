# The functions work out areas with an isinstance chain: a new Shape subclass breaks them.
import math
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass


def _check_dimension(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number, not {type(value).__name__}")
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"{name} must be finite and greater than zero, not {value}")


class Shape(ABC):
    """A closed plane figure that can measure itself."""

    @abstractmethod
    def area(self) -> float:
        """The enclosed area."""

    @abstractmethod
    def perimeter(self) -> float:
        """The length of the boundary."""

    def describe(self) -> str:
        name = type(self).__name__
        return f"{name}: area={self.area():.2f}, perimeter={self.perimeter():.2f}"


@dataclass(frozen=True)
class Circle(Shape):
    radius: float

    def __post_init__(self) -> None:
        _check_dimension("radius", self.radius)

    def area(self) -> float:
        return math.pi * self.radius**2

    def perimeter(self) -> float:
        return 2 * math.pi * self.radius


@dataclass(frozen=True)
class Rectangle(Shape):
    width: float
    height: float

    def __post_init__(self) -> None:
        _check_dimension("width", self.width)
        _check_dimension("height", self.height)

    def area(self) -> float:
        return self.width * self.height

    def perimeter(self) -> float:
        return 2 * (self.width + self.height)


@dataclass(frozen=True)
class Triangle(Shape):
    a: float
    b: float
    c: float

    def __post_init__(self) -> None:
        for name in ("a", "b", "c"):
            _check_dimension(name, getattr(self, name))
        longest, *others = sorted((self.a, self.b, self.c), reverse=True)
        if longest >= sum(others):
            raise ValueError(f"sides {self.a}, {self.b}, {self.c} cannot close a triangle")

    def area(self) -> float:
        s = self.perimeter() / 2  # Heron's formula
        return math.sqrt(s * (s - self.a) * (s - self.b) * (s - self.c))

    def perimeter(self) -> float:
        return self.a + self.b + self.c


def _area_of(shape: Shape) -> float:
    if isinstance(shape, Circle):
        return math.pi * shape.radius**2
    if isinstance(shape, Rectangle):
        return shape.width * shape.height
    if isinstance(shape, Triangle):
        return shape.area()
    raise TypeError(f"unknown shape: {shape!r}")


def total_area(shapes: Iterable[Shape]) -> float:
    return math.fsum(_area_of(shape) for shape in shapes)


def largest(shapes: Iterable[Shape]) -> Shape:
    candidates = list(shapes)
    if not candidates:
        raise ValueError("largest() needs at least one shape")
    return max(candidates, key=_area_of)


def report(shapes: Iterable[Shape]) -> str:
    by_area = sorted(shapes, key=_area_of, reverse=True)  # sorted() is stable
    return "\n".join(shape.describe() for shape in by_area)
