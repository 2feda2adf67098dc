# Checks the initial mapping, then keeps the caller's dict: later changes skip the checks.
from collections.abc import Iterable, Iterator, Mapping, MutableMapping


def _checked_sku(sku: object) -> str:
    if not isinstance(sku, str):
        raise TypeError(f"a SKU is a str, not {type(sku).__name__}")
    if not sku.strip():
        raise ValueError("a SKU must not be blank")
    return sku


def _checked_quantity(quantity: object, minimum: int = 0) -> int:
    if isinstance(quantity, bool) or not isinstance(quantity, int):
        raise TypeError(f"a quantity is an int, not {type(quantity).__name__}")
    if quantity < minimum:
        raise ValueError(f"a quantity must be at least {minimum}, not {quantity}")
    return int(quantity)


class StockLevels(MutableMapping[str, int]):
    """Units on the shelf per SKU. Every way in checks the rule, because every way in is ours.

    MutableMapping builds get, pop, update, setdefault, ... on the five methods below,
    so they all go through __setitem__.
    """

    def __init__(
        self, initial: Mapping[str, int] | Iterable[tuple[str, int]] | None = None
    ) -> None:
        if initial is None:
            initial = {}
        elif not isinstance(initial, Mapping):
            initial = dict(initial)
        for sku, quantity in initial.items():
            _checked_sku(sku)
            _checked_quantity(quantity)
        self._levels = initial  # no need to copy: every item was checked

    def __getitem__(self, sku: str) -> int:
        return self._levels[sku]

    def __setitem__(self, sku: str, quantity: int) -> None:
        self._levels[_checked_sku(sku)] = _checked_quantity(quantity)

    def __delitem__(self, sku: str) -> None:
        del self._levels[sku]

    def __iter__(self) -> Iterator[str]:
        return iter(self._levels)

    def __len__(self) -> int:
        return len(self._levels)

    def receive(self, sku: str, quantity: int) -> None:
        added = _checked_quantity(quantity, minimum=1)
        self[sku] = self.get(sku, 0) + added

    def ship(self, sku: str, quantity: int) -> None:
        on_shelf = self[sku]
        removed = _checked_quantity(quantity, minimum=1)
        if removed > on_shelf:
            raise ValueError(f"cannot ship {removed} of {sku}: only {on_shelf} on the shelf")
        self[sku] = on_shelf - removed
