# Formats cents / 100 as a float: amounts beyond 2**53 cents lose their last digits.
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
    prefix, suffix, thousands, decimal_mark = CURRENCY_STYLES[currency]
    units, _, rest = f"{abs(cents) / 100:,.2f}".partition(".")
    grouped, rest = units.replace(",", thousands), int(rest)
    sign = "-" if cents < 0 else ""
    return f"{sign}{prefix}{grouped}{decimal_mark}{rest:02d}{suffix}"
