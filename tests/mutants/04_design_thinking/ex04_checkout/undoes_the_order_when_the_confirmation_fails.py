# The confirmation runs inside the try: a failing e-mail refunds a committed order.
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import NoReturn


class CheckoutFailed(Exception):
    """The checkout was refused; `reason` says why. Given: do not change."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Confirmation:
    """What a successful checkout returns. Given: do not change."""

    customer_id: str
    total: Decimal
    reservation_id: str
    payment_id: str
    tracking: str


KNOWN_FAILURES: tuple[tuple[type[Exception], str], ...] = (
    (NotEnoughStock, "out of stock"),
    (CardDeclined, "payment declined"),
    (NoCourierAvailable, "no courier"),
)


def reason_for(error: Exception) -> str | None:
    """The customer-facing reason of a known failure; None for anything else."""
    return next((reason for kind, reason in KNOWN_FAILURES if isinstance(error, kind)), None)


class Checkout:
    """Reserve, charge, book, commit, confirm; on failure undo what was done, newest first."""

    def __init__(self, inventory: FakeInventory, payments: FakePayments,
                 shipping: FakeShipping, notifier: FakeNotifier) -> None:
        self._inventory = inventory
        self._payments = payments
        self._shipping = shipping
        self._notifier = notifier

    def place(self, cart: ShoppingCart) -> Confirmation:
        if not cart.lines:
            raise ValueError("the cart is empty")
        undo: list[Callable[[], None]] = []
        try:
            reservation = self._inventory.reserve(cart.lines)
            undo.append(lambda: self._inventory.release(reservation))
            payment = self._payments.charge(cart.customer_id, cart.total)
            undo.append(lambda: self._payments.refund(payment))
            tracking = self._shipping.book(cart.customer_id, cart.lines)
            undo.append(lambda: self._shipping.cancel(tracking))
            self._inventory.commit(reservation)
            self._notifier.confirm(cart.customer_id, tracking)
        except Exception as error:
            self._fail(cart, undo, error)
        return Confirmation(cart.customer_id, cart.total, reservation, payment, tracking)

    def _fail(self, cart: ShoppingCart, undo: list[Callable[[], None]],
              error: Exception) -> NoReturn:
        for step in reversed(undo):
            step()
        reason = reason_for(error)
        self._notifier.apologise(cart.customer_id, reason or "internal error")
        if reason is None:
            raise error
        raise CheckoutFailed(reason) from error
