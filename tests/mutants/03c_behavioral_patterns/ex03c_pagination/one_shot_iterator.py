# The results are their own iterator: a second loop over them finds nothing.
from collections.abc import Iterable, Iterator
from itertools import islice


class CatalogResults:
    """Every product of a cursor-paginated API; each loop is a fresh, lazy walk."""

    def __init__(self, api: FakeCatalogAPI) -> None:
        self._api = api
        self._walk = self._products()

    def __iter__(self) -> "CatalogResults":
        return self

    def __next__(self) -> dict:
        return next(self._walk)

    def _products(self) -> Iterator[dict]:
        cursor = None
        while True:
            page = self._api.fetch_page(cursor)
            yield from page.items
            if page.next_cursor is None:
                return
            cursor = page.next_cursor


def infinite_scroll(items: Iterable, batch_size: int) -> Iterator[list]:
    """Lists of `batch_size` items; the arguments are checked now, the items taken later."""
    if isinstance(batch_size, bool) or not isinstance(batch_size, int):
        raise TypeError(f"batch_size must be an int, not {type(batch_size).__name__}")
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    return _batches(iter(items), batch_size)


def _batches(items: Iterator, size: int) -> Iterator[list]:
    while batch := list(islice(items, size)):
        yield batch
