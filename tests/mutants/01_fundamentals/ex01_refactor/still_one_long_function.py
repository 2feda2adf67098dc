# Good names and constants, but still one long function with every decision in it.
from decimal import ROUND_HALF_UP, Decimal

DOMESTIC_COUNTRY = "US"
SERVICE_MULTIPLIERS = {
    "standard": Decimal("1"),
    "express": Decimal("1.5"),
    "overnight": Decimal("2.5"),
}
# (heaviest weight in the band in kg, price); heavier parcels pay per extra kg.
WEIGHT_BANDS = ((1, Decimal("4.99")), (5, Decimal("8.49")), (20, Decimal("14.99")))
HEAVY_PARCEL_FROM_KG = 20
HEAVY_PARCEL_BASE = Decimal("14.99")
PRICE_PER_KG_ABOVE_HEAVY = Decimal("0.75")
FREE_SHIPPING_MIN_ORDER = Decimal("50")
INTERNATIONAL_FEE = Decimal("12.00")
LONG_DISTANCE_KM = 500
LONG_DISTANCE_MULTIPLIER = Decimal("1.1")
MEMBER_MULTIPLIER = Decimal("0.9")
OVERNIGHT_MAX_KM = 1000
OVERNIGHT_MAX_KG = 30
CENT = Decimal("0.01")


def shipping_cost(
    weight_kg: Decimal,
    distance_km: int,
    service: str,
    country: str,
    order_total: Decimal,
    is_member: bool = False,
) -> Decimal:
    """The price of shipping one parcel, rounded half up to the cent."""
    if weight_kg <= 0:
        raise ValueError("the weight must be positive")
    if service not in SERVICE_MULTIPLIERS:
        raise ValueError(f"unknown service {service!r}")
    is_domestic = country == DOMESTIC_COUNTRY
    if service == "overnight":
        if not is_domestic:
            raise ValueError("overnight delivery is domestic only")
        if distance_km > OVERNIGHT_MAX_KM or weight_kg > OVERNIGHT_MAX_KG:
            raise ValueError("too far or too heavy for overnight delivery")
    qualifies = is_member or order_total >= FREE_SHIPPING_MIN_ORDER
    if service == "standard" and is_domestic and qualifies:
        return Decimal("0.00")
    cost = HEAVY_PARCEL_BASE + (weight_kg - HEAVY_PARCEL_FROM_KG) * PRICE_PER_KG_ABOVE_HEAVY
    for heaviest_kg, price in reversed(WEIGHT_BANDS):
        if weight_kg <= heaviest_kg:
            cost = price
    cost *= SERVICE_MULTIPLIERS[service]
    if service != "express" and not is_domestic:
        cost += INTERNATIONAL_FEE
    if distance_km > LONG_DISTANCE_KM:
        cost *= LONG_DISTANCE_MULTIPLIER
    if service == "express" and not is_domestic:
        cost += INTERNATIONAL_FEE
    if is_member:
        cost *= MEMBER_MULTIPLIER
    return cost.quantize(CENT, rounding=ROUND_HALF_UP)
