# Releases the stock when shipping fails but never refunds the payment.
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Confirmation:
    total: Decimal
    payment_id: str
    tracking_number: str


class CheckoutFailed(Exception):
    """The checkout did not happen, and what it had done was undone."""

    def __init__(self, step: str, reason: str) -> None:
        super().__init__(f"checkout failed at {step}: {reason}")
        self.step = step
        self.reason = reason


class CheckoutFacade:
    """One call for the front end: reserve, charge, ship, commit; undo on failure."""

    def __init__(self, inventory: Inventory, payments: Payments, shipping: Shipping,
                 prices: Mapping[str, Decimal]) -> None:
        self._inventory = inventory
        self._payments = payments
        self._shipping = shipping
        self._prices = prices

    def checkout(self, customer_id: str, cart: Mapping[str, int], address: str) -> Confirmation:
        total = self._total(cart)
        undo: list[Callable[[], None]] = []
        step = "inventory"
        try:
            reservations = []
            for sku, quantity in cart.items():
                reservations.append(self._inventory.reserve(sku, quantity))
                undo.append(lambda r=reservations[-1]: self._inventory.release(r))
            step = "payment"
            payment_id = self._payments.charge(customer_id, total)
            step = "shipping"
            tracking_number = self._shipping.schedule(address, dict(cart))
        except Exception as error:
            for action in reversed(undo):
                action()
            raise CheckoutFailed(step, str(error)) from error
        for reservation in reservations:
            self._inventory.commit(reservation)
        return Confirmation(total, payment_id, tracking_number)

    def _total(self, cart: Mapping[str, int]) -> Decimal:
        if not cart:
            raise ValueError("the cart is empty")
        for sku, quantity in cart.items():
            if sku not in self._prices:
                raise ValueError(f"no price for {sku!r}")
            if type(quantity) is not int or quantity <= 0:
                raise ValueError(f"the quantity of {sku!r} must be a positive int")
        return sum((self._prices[sku] * qty for sku, qty in cart.items()), Decimal("0"))
