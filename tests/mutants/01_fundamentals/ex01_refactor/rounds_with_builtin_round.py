# round(cost, 2) rounds half to even, where calc rounds half up.
from decimal import Decimal

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


def shipping_cost(
    weight_kg: Decimal,
    distance_km: int,
    service: str,
    country: str,
    order_total: Decimal,
    is_member: bool = False,
) -> Decimal:
    """The price of shipping one parcel, rounded half up to the cent."""
    check_shipment(weight_kg, distance_km, service, country)
    if ships_free(service, country, order_total, is_member):
        return Decimal("0.00")
    cost = base_price(weight_kg) * SERVICE_MULTIPLIERS[service]
    cost = with_surcharges(cost, service, distance_km, country)
    if is_member:
        cost *= MEMBER_MULTIPLIER
    return round(cost, 2)


def check_shipment(weight_kg: Decimal, distance_km: int, service: str, country: str) -> None:
    if weight_kg <= 0:
        raise ValueError(f"the weight must be positive, not {weight_kg} kg")
    if service not in SERVICE_MULTIPLIERS:
        raise ValueError(f"unknown service {service!r}")
    if service == "overnight":
        check_overnight(weight_kg, distance_km, country)


def check_overnight(weight_kg: Decimal, distance_km: int, country: str) -> None:
    if country != DOMESTIC_COUNTRY:
        raise ValueError("overnight delivery is domestic only")
    if distance_km > OVERNIGHT_MAX_KM:
        raise ValueError(f"overnight delivery goes at most {OVERNIGHT_MAX_KM} km")
    if weight_kg > OVERNIGHT_MAX_KG:
        raise ValueError(f"overnight parcels weigh at most {OVERNIGHT_MAX_KG} kg")


def ships_free(service: str, country: str, order_total: Decimal, is_member: bool) -> bool:
    """Standard domestic shipping is free for members and for large orders."""
    qualifies = is_member or order_total >= FREE_SHIPPING_MIN_ORDER
    return service == "standard" and country == DOMESTIC_COUNTRY and qualifies


def base_price(weight_kg: Decimal) -> Decimal:
    for heaviest_kg, price in WEIGHT_BANDS:
        if weight_kg <= heaviest_kg:
            return price
    return HEAVY_PARCEL_BASE + (weight_kg - HEAVY_PARCEL_FROM_KG) * PRICE_PER_KG_ABOVE_HEAVY


def with_surcharges(cost: Decimal, service: str, distance_km: int, country: str) -> Decimal:
    if service == "express":
        # Express has always added the international fee after the distance surcharge.
        return with_international_fee(with_distance_surcharge(cost, distance_km), country)
    return with_distance_surcharge(with_international_fee(cost, country), distance_km)


def with_international_fee(cost: Decimal, country: str) -> Decimal:
    return cost if country == DOMESTIC_COUNTRY else cost + INTERNATIONAL_FEE


def with_distance_surcharge(cost: Decimal, distance_km: int) -> Decimal:
    return cost * LONG_DISTANCE_MULTIPLIER if distance_km > LONG_DISTANCE_KM else cost
