# build() lists the parameters in the order the steps were called: the query string varies.
from dataclasses import dataclass, replace
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


@dataclass(frozen=True)
class SearchQueryBuilder:
    """Collects the parts of a product search; every step returns a new builder."""

    text: str | None = None
    categories: frozenset[str] = frozenset()
    lowest_price: int | Decimal | None = None
    highest_price: int | Decimal | None = None
    sort_field: str | None = None
    descending: bool = False
    page_number: int = 1
    page_size: int = 20
    steps: tuple[str, ...] = ()

    def _step(self, step: str, **changes: object) -> Self:
        steps = (*(s for s in self.steps if s != step), step)
        return replace(self, steps=steps, **changes)

    def search(self, text: str) -> Self:
        return self._step("search", text=text)

    def in_category(self, name: str) -> Self:
        return self._step("category", categories=self.categories | {name})

    def min_price(self, amount: int | Decimal) -> Self:
        return self._step("min_price", lowest_price=amount)

    def max_price(self, amount: int | Decimal) -> Self:
        return self._step("max_price", highest_price=amount)

    def sort_by(self, field: str, descending: bool = False) -> Self:
        return self._step("sort", sort_field=field, descending=descending)

    def page(self, number: int, size: int = 20) -> Self:
        return self._step("page", page_number=number, page_size=size)

    def build(self) -> dict[str, str]:
        """The query parameters, checked, in the order the steps were taken."""
        self._check()
        params: dict[str, str] = {}
        for step in self.steps:
            if step == "search":
                params["q"] = self.text.strip()
            elif step == "category":
                params["category"] = ",".join(sorted(self.categories))
            elif step == "min_price":
                params["min_price"] = str(self.lowest_price)
            elif step == "max_price":
                params["max_price"] = str(self.highest_price)
            elif step == "sort":
                params["sort"] = ("-" if self.descending else "") + self.sort_field
            elif step == "page":
                params["page"] = str(self.page_number)
                params["page_size"] = str(self.page_size)
        if "page" not in params:
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
