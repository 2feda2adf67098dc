# PercentOff no longer checks the total: bad totals get through or fail the wrong way.
from decimal import ROUND_HALF_UP, Decimal


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, ROUND_HALF_UP)


class PercentOff(Coupon):
    """`percent` off the total, rounded half up to cents."""

    def __init__(self, code: str, percent: int | Decimal) -> None:
        super().__init__(code)
        if not 0 <= percent <= 100:
            raise ValueError(f"a percentage is from 0 to 100, not {percent}")
        self._percent = percent

    @property
    def percent(self) -> int | Decimal:
        return self._percent

    def apply(self, total: Decimal) -> Decimal:
        return _cents(total * (100 - self._percent) / 100)


class AmountOff(Coupon):
    """A fixed amount off; the total never goes below zero."""

    def __init__(self, code: str, amount: Decimal) -> None:
        super().__init__(code)
        self._amount = check_total(amount)

    @property
    def amount(self) -> Decimal:
        return self._amount

    def apply(self, total: Decimal) -> Decimal:
        return _cents(max(check_total(total) - self._amount, Decimal("0")))


class MinimumSpend(Coupon):
    """A fixed amount off totals of at least `minimum`; smaller totals are left alone."""

    def __init__(self, code: str, amount: Decimal, minimum: Decimal) -> None:
        super().__init__(code)
        self._amount = check_total(amount)
        self._minimum = check_total(minimum)

    @property
    def amount(self) -> Decimal:
        return self._amount

    @property
    def minimum(self) -> Decimal:
        return self._minimum

    def apply(self, total: Decimal) -> Decimal:
        if check_total(total) < self._minimum:
            return _cents(total)
        return _cents(max(total - self._amount, Decimal("0")))
