"""How much slower `trace_sequence` makes the block it records.

A shop takes 2,000 purchases: 10,000 calls among four objects in scope (shop, inventory,
pricing, order), each doing what such methods do (checks, Decimal prices with discount
and tax, dataclass order lines), plus out-of-scope calls: helper functions, the standard
`logging` module (to memory) and dataclass constructors. The block runs untraced and
traced, taking turns; the ratio of the median CPU times is the overhead (CPU time, so that
other processes on a busy machine do not count). Target (issue 3): at most 5x.

For scale it also prints the floor of any `sys.settrace` tracer on the same block (a trace
function that ignores everything: Python 3.11 runs unspecialised bytecode while tracing),
and the cost of turning the recorded events into `.messages`, paid when they are read.

    .venv/bin/python benchmarks/trace_overhead.py
"""

from __future__ import annotations

import io
import logging
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from lld_helpers.diagrams import trace_sequence

PURCHASES = 2_000  # five calls in scope each
RUNS = 15
TARGET = 5.0
CENT = Decimal("0.01")
TAX = Decimal("0.20")

log = logging.getLogger("benchmark.shop")
log.addHandler(logging.StreamHandler(io.StringIO()))
log.setLevel(logging.INFO)
log.propagate = False


def discount(quantity: int) -> Decimal:
    return Decimal("0.90") if quantity >= 10 else Decimal("0.95") if quantity >= 5 else Decimal(1)


def to_money(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class Stock:
    sku: str
    on_hand: int
    reserved: int = 0


@dataclass(frozen=True)
class Line:
    sku: str
    quantity: int
    net: Decimal
    gross: Decimal


class Inventory:
    def __init__(self, stock: dict[str, int]) -> None:
        self.items = {sku: Stock(sku, count) for sku, count in stock.items()}

    def available(self, sku: str, quantity: int) -> bool:
        item = self.items.get(sku.upper())
        return item is not None and item.on_hand - item.reserved >= quantity

    def take(self, sku: str, quantity: int) -> None:
        item = self.items[sku.upper()]
        item.on_hand -= quantity
        if item.on_hand < 100:
            log.warning("low stock: %s (%d left)", item.sku, item.on_hand)


class Pricing:
    def __init__(self, prices: dict[str, str]) -> None:
        self.prices = {sku: Decimal(price) for sku, price in prices.items()}

    def price(self, sku: str, quantity: int) -> tuple[Decimal, Decimal]:
        net = to_money(self.prices[sku.upper()] * quantity * discount(quantity))
        return net, to_money(net * (1 + TAX))


class Order:
    def __init__(self, customer: str) -> None:
        self.customer = customer
        self.lines: list[Line] = []
        self.total = Decimal(0)

    def add(self, sku: str, quantity: int, net: Decimal, gross: Decimal) -> int:
        if any(line.sku == sku and line.quantity == quantity for line in self.lines[-3:]):
            log.info("repeat purchase of %s by %s", sku, self.customer)
        self.lines.append(Line(sku, quantity, net, gross))
        self.total += gross
        return len(self.lines)


class Shop:
    def __init__(self, inventory: Inventory, pricing: Pricing) -> None:
        self.inventory, self.pricing = inventory, pricing

    def buy(self, order: Order, sku: str, quantity: int) -> bool:
        if not isinstance(quantity, int) or not 0 < quantity <= 100:
            raise ValueError(f"bad quantity {quantity!r}")
        if not self.inventory.available(sku, quantity):
            log.info("%s is out of %s", order.customer, sku)
            return False
        self.inventory.take(sku, quantity)
        net, gross = self.pricing.price(sku, quantity)
        order.add(sku, quantity, net, gross)
        log.info("%s bought %d x %s for %s", order.customer, quantity, sku, gross)
        return True


def workload() -> None:
    shop = Shop(Inventory({"PEN": 10**9, "INK": 10**9, "PAD": 10**9}),
                Pricing({"PEN": "1.20", "INK": "4.75", "PAD": "2.10"}))
    order = Order("ada")
    for n in range(PURCHASES):
        shop.buy(order, ("pen", "ink", "pad")[n % 3], 1 + n % 12)


def ignore_everything(frame: object, event: str, arg: object) -> None:
    return None


def traced_with(tracer: Callable[..., object]) -> Callable[[], None]:
    def block() -> None:
        previous = sys.gettrace()
        sys.settrace(tracer)
        try:
            workload()
        finally:
            sys.settrace(previous)
    return block


def median_ms(*blocks: Callable[[], object]) -> list[float]:
    """Median CPU time of each block; the blocks take turns, so a busy machine slows all."""
    times: list[list[float]] = [[] for _ in blocks]
    for _ in range(RUNS):
        for spent, block in zip(times, blocks, strict=True):
            start = time.process_time()
            block()
            spent.append(time.process_time() - start)
    return [statistics.median(spent) * 1e3 for spent in times]


def main() -> int:
    traces = []

    def recorded() -> None:
        with trace_sequence(Shop, Inventory, Pricing, Order) as trace:
            workload()
        traces.append(trace)

    plain, traced, floor = median_ms(workload, recorded, traced_with(ignore_everything))
    start = time.process_time()
    messages = traces[-1].messages
    reading = (time.process_time() - start) * 1e3
    assert sum(m.kind == "sync" for m in messages) == 5 * PURCHASES
    ratio = traced / plain
    print(f"untraced {plain:6.1f} ms | traced {traced:6.1f} ms | overhead {ratio:.2f}x "
          f"(target <= {TARGET:.0f}x), median CPU time of {RUNS}")
    print(f"a settrace function that ignores everything: {floor / plain:.2f}x; "
          f"reading .messages afterwards ({len(messages)} messages): {reading:.1f} ms")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
