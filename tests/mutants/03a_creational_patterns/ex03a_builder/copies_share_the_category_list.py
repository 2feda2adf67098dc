# Each step returns a shallow copy: the categories list is shared between builders.
import copy
from decimal import Decimal
from typing import Self

SORT_FIELDS = ("newest", "price", "rating", "relevance")
MAX_PAGE_SIZE = 100


def _check_price(name: str, amount: object) -> None:
    if isinstance(amount, bool) or not isinstance(amount, (int, Decimal)):
        raise ValueError(f"{name} must be an int or a Decimal, not {amount!r}")
    if not Decimal(amount).is_finite() or amount < 0:
        raise ValueError(f"{name} must be a finite amount of at least 0, not {amount}")


def _check_count(name: str, value: object, low: int, high: int | None = None) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be an int, not {value!r}")
    if value < low or (high is not None and value > high):
        limits = f"from {low} to {high}" if high is not None else f"at least {low}"
        raise ValueError(f"{name} must be {limits}, not {value}")


class SearchQueryBuilder:
    """Collects the parts of a product search; every step returns a new builder."""

    def __init__(self) -> None:
        self.text: str | None = None
        self.categories: list[str] = []
        self.lowest_price: int | Decimal | None = None
        self.highest_price: int | Decimal | None = None
        self.sort_field: str | None = None
        self.descending = False
        self.page_number = 1
        self.page_size = 20

    def _copy(self) -> Self:
        return copy.copy(self)  # a shallow copy: the categories list is shared

    def search(self, text: str) -> Self:
        new = self._copy()
        new.text = text
        return new

    def in_category(self, name: str) -> Self:
        new = self._copy()
        if name not in new.categories:
            new.categories.append(name)
        return new

    def min_price(self, amount: int | Decimal) -> Self:
        new = self._copy()
        new.lowest_price = amount
        return new

    def max_price(self, amount: int | Decimal) -> Self:
        new = self._copy()
        new.highest_price = amount
        return new

    def sort_by(self, field: str, descending: bool = False) -> Self:
        new = self._copy()
        new.sort_field, new.descending = field, descending
        return new

    def page(self, number: int, size: int = 20) -> Self:
        new = self._copy()
        new.page_number, new.page_size = number, size
        return new

    def build(self) -> dict[str, str]:
        """The query parameters, checked, in a fixed order; ValueError says what is wrong."""
        self._check()
        params: dict[str, str] = {}
        if self.text is not None:
            params["q"] = self.text.strip()
        if self.categories:
            params["category"] = ",".join(sorted(self.categories))
        if self.lowest_price is not None:
            params["min_price"] = str(self.lowest_price)
        if self.highest_price is not None:
            params["max_price"] = str(self.highest_price)
        if self.sort_field is not None:
            params["sort"] = ("-" if self.descending else "") + self.sort_field
        params["page"] = str(self.page_number)
        params["page_size"] = str(self.page_size)
        return params

    def to_query_string(self) -> str:
        return urlencode(self.build())

    def _check(self) -> None:
        self._check_text_and_categories()
        self._check_prices()
        self._check_sort()
        _check_count("page", self.page_number, 1)
        _check_count("page_size", self.page_size, 1, MAX_PAGE_SIZE)

    def _check_text_and_categories(self) -> None:
        if self.text is not None and (not isinstance(self.text, str) or not self.text.strip()):
            raise ValueError(f"the search text must be a non-empty string, not {self.text!r}")
        for name in self.categories:
            if not isinstance(name, str) or not name or "," in name:
                raise ValueError(f"a category is a non-empty string without commas: {name!r}")

    def _check_prices(self) -> None:
        low, high = self.lowest_price, self.highest_price
        for label, amount in (("min_price", low), ("max_price", high)):
            if amount is not None:
                _check_price(label, amount)
        if low is not None and high is not None and low > high:
            raise ValueError(f"min_price {low} is above max_price {high}")

    def _check_sort(self) -> None:
        if self.sort_field is not None and self.sort_field not in SORT_FIELDS:
            raise ValueError(f"cannot sort by {self.sort_field!r}; choose from {SORT_FIELDS}")
        if self.sort_field == "relevance" and self.text is None:
            raise ValueError("sorting by relevance needs a search text")
