# Checks the arguments, then still goes through the legacy factory and its classes.
# What differs between currencies is data: (prefix, suffix, thousands separator, decimal mark).
CURRENCY_STYLES = {
    "USD": ("$", "", ",", "."),
    "GBP": ("£", "", ",", "."),
    "EUR": ("", " €", ".", ","),
}


def format_price(cents: int, currency: str) -> str:
    """`cents` as a price in `currency`, such as '$1,234.56' or '-1.234,56 €'."""
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise TypeError("cents must be an int")
    if currency not in CURRENCY_STYLES:
        raise ValueError(f"unsupported currency: {currency}")
    return PriceFormatterFactory().create(currency).format(cents)
