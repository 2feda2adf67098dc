# Wraps the legacy calc instead of refactoring it.
from decimal import Decimal


def shipping_cost(
    weight_kg: Decimal,
    distance_km: int,
    service: str,
    country: str,
    order_total: Decimal,
    is_member: bool = False,
) -> Decimal:
    """The price of shipping one parcel."""
    return calc(weight_kg, distance_km, service, country, order_total, is_member)
