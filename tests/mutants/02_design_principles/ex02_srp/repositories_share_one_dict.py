# The repository keeps its bills in a class attribute: every repository shares them.
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol


@dataclass(frozen=True)
class Bill:
    """One customer's bill for one period. Given: do not change."""

    customer_id: str
    period: str  # such as "2024-05"
    kwh_used: int
    total: Decimal


class Tariff:
    """Pricing: what a month of electricity costs. Answers to the pricing team."""

    STANDING_CHARGE = Decimal("5.00")
    LOW_RATE_KWH = 100
    LOW_RATE = Decimal("0.20")
    HIGH_RATE = Decimal("0.30")
    VAT_MULTIPLIER = Decimal("1.05")
    CENT = Decimal("0.01")

    def charge(self, kwh_used: int) -> Decimal:
        if kwh_used < 0:
            raise ValueError(f"consumption cannot be negative, not {kwh_used} kWh")
        cheap = min(kwh_used, self.LOW_RATE_KWH)
        net = (self.STANDING_CHARGE + cheap * self.LOW_RATE
               + (kwh_used - cheap) * self.HIGH_RATE)
        return (net * self.VAT_MULTIPLIER).quantize(self.CENT, ROUND_HALF_UP)


class BillFormatter:
    """Layout: the text the customer reads. Answers to customer communications."""

    def format(self, bill: Bill) -> str:
        return (f"Bill {bill.period} for {bill.customer_id}\n"
                f"Used: {bill.kwh_used} kWh\n"
                f"Total: {bill.total} EUR")


class BillRepository(Protocol):
    """Filing: where bills are kept. Answers to finance."""

    def save(self, bill: Bill) -> None: ...

    def find(self, customer_id: str, period: str) -> Bill | None: ...


class InMemoryBillRepository:
    _bills: dict[tuple[str, str], Bill] = {}

    def save(self, bill: Bill) -> None:
        self._bills[(bill.customer_id, bill.period)] = bill

    def find(self, customer_id: str, period: str) -> Bill | None:
        return self._bills.get((customer_id, period))


class BillingService:
    """Coordinates the three; does none of their work itself."""

    def __init__(self, tariff: Tariff, formatter: BillFormatter,
                 repository: BillRepository) -> None:
        self._tariff = tariff
        self._formatter = formatter
        self._repository = repository

    def bill(self, customer_id: str, period: str, previous_kwh: int, current_kwh: int) -> str:
        if current_kwh < previous_kwh:
            raise ValueError("the meter cannot run backwards")
        used = current_kwh - previous_kwh
        bill = Bill(customer_id, period, used, self._tariff.charge(used))
        self._repository.save(bill)
        return self._formatter.format(bill)
