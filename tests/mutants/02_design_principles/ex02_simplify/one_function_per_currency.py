# One formatting function per currency: the grouping logic is copied three times.


def _dollars(cents: int) -> str:
    units, rest = divmod(abs(cents), 100)
    text = f"${units:,}.{rest:02d}"
    return "-" + text if cents < 0 else text


def _pounds(cents: int) -> str:
    units, rest = divmod(abs(cents), 100)
    text = f"£{units:,}.{rest:02d}"
    return "-" + text if cents < 0 else text


def _euros(cents: int) -> str:
    units, rest = divmod(abs(cents), 100)
    text = f"{units:,}".replace(",", ".") + f",{rest:02d} €"
    return "-" + text if cents < 0 else text


FORMATTERS = {"USD": _dollars, "GBP": _pounds, "EUR": _euros}


def format_price(cents: int, currency: str) -> str:
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise TypeError("cents must be an int")
    if currency not in FORMATTERS:
        raise ValueError(f"unsupported currency: {currency}")
    return FORMATTERS[currency](cents)
