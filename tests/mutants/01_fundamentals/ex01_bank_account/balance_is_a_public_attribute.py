# The balance is a plain public attribute: any caller can assign or delete it.
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal


class InsufficientFundsError(Exception):
    """A withdrawal larger than the balance. Given: do not change."""

    def __init__(self, available: Decimal, requested: Decimal) -> None:
        super().__init__(f"cannot withdraw {requested}: the balance is {available}")
        self.available = available
        self.requested = requested


@dataclass(frozen=True)
class Transaction:
    """One entry of an account's history. Given: do not change."""

    kind: str  # "deposit" or "withdrawal"
    amount: Decimal  # positive, in whole cents
    balance_after: Decimal


CENT = Decimal("0.01")


class BankAccount:
    def __init__(self, owner: str) -> None:
        self.owner = owner
        self.balance = Decimal("0.00")
        self._history: list[Transaction] = []

    @property
    def history(self) -> tuple[Transaction, ...]:
        return tuple(self._history)

    def deposit(self, amount: Decimal | int) -> None:
        cents = self._to_cents(amount)
        self.balance += cents
        self._history.append(Transaction("deposit", cents, self.balance))

    def withdraw(self, amount: Decimal | int) -> None:
        cents = self._to_cents(amount)
        if cents > self.balance:
            raise InsufficientFundsError(self.balance, cents)
        self.balance -= cents
        self._history.append(Transaction("withdrawal", cents, self.balance))

    @staticmethod
    def _to_cents(amount: object) -> Decimal:
        if isinstance(amount, bool) or not isinstance(amount, (Decimal, int)):
            raise TypeError(f"an amount is a Decimal or an int, not {type(amount).__name__}")
        exact = Decimal(amount)
        if not exact.is_finite():
            raise ValueError(f"an amount must be finite, not {exact}")
        cents = exact.quantize(CENT, rounding=ROUND_HALF_EVEN)
        if cents <= 0:
            raise ValueError(f"an amount must be at least one cent, not {amount}")
        return cents
