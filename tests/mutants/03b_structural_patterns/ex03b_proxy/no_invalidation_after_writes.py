# Writes go through but the cached product is kept: reads show the old price until the TTL runs
# out.
from collections.abc import Callable

READ_SCOPE = "catalog:read"
WRITE_SCOPE = "catalog:write"


class CachingCatalogProxy(ProductCatalog):
    """Checks scopes on every call, caches reads for a while, invalidates on writes."""

    def __init__(self, catalog: ProductCatalog, session: Session,
                 clock: Callable[[], float], ttl_seconds: float) -> None:
        if not ttl_seconds > 0:
            raise ValueError(f"ttl_seconds must be positive, not {ttl_seconds}")
        self._catalog = catalog
        self._session = session
        self._clock = clock
        self._ttl = ttl_seconds
        self._cache: dict[str, tuple[float, dict]] = {}

    def get_product(self, product_id: str) -> dict:
        self._require(READ_SCOPE)
        now = self._clock()
        cached = self._cache.get(product_id)
        if cached is not None and now < cached[0] + self._ttl:
            return dict(cached[1])
        product = self._catalog.get_product(product_id)
        self._cache[product_id] = (now, dict(product))
        return dict(product)

    def update_price(self, product_id: str, price_cents: int) -> None:
        self._require(WRITE_SCOPE)
        self._catalog.update_price(product_id, price_cents)

    def _require(self, scope: str) -> None:
        if scope not in self._session.scopes:
            raise AccessDenied(f"{self._session.user} lacks the {scope!r} scope")
