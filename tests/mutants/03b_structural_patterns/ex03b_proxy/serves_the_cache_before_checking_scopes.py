# Checks the scope only on a cache miss: a session that lost catalog:read still gets cached
# products.
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
        now = self._clock()
        cached = self._cache.get(product_id)
        if cached is not None and now < cached[0] + self._ttl:
            return dict(cached[1])
        self._require(READ_SCOPE)
        product = self._catalog.get_product(product_id)
        self._cache[product_id] = (now, dict(product))
        return dict(product)

    def update_price(self, product_id: str, price_cents: int) -> None:
        self._require(WRITE_SCOPE)
        self._catalog.update_price(product_id, price_cents)
        self._cache.pop(product_id, None)

    def _require(self, scope: str) -> None:
        if scope not in self._session.scopes:
            raise AccessDenied(f"{self._session.user} lacks the {scope!r} scope")
