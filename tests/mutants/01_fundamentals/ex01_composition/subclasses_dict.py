# Subclasses dict, overrides __setitem__: __init__, update, setdefault, |= skip the checks.
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


class StockLevels(dict):
    """Units on the shelf per SKU."""

    def __setitem__(self, sku: str, quantity: int) -> None:
        super().__setitem__(_checked_sku(sku), _checked_quantity(quantity))

    def receive(self, sku: str, quantity: int) -> None:
        added = _checked_quantity(quantity, minimum=1)
        self[sku] = self.get(sku, 0) + added

    def ship(self, sku: str, quantity: int) -> None:
        on_shelf = self[sku]
        removed = _checked_quantity(quantity, minimum=1)
        if removed > on_shelf:
            raise ValueError(f"cannot ship {removed} of {sku}: only {on_shelf} on the shelf")
        self[sku] = on_shelf - removed
