"""Numbers the Danish way (12,5 mio. kr.; 1.250) or the English way, for UI, CLI and reports."""

from __future__ import annotations


def format_amount(value: float, lang: str = "da", decimals: int = 1, sign: bool = False) -> str:
    """``value`` with at most ``decimals`` decimals, trailing zeros dropped.

    Danish uses a decimal comma and a dot between thousands: 1.234,5. ``sign`` adds "+".
    """
    rounded = round(float(value), decimals)
    if rounded == 0:
        rounded = 0.0  # no "-0"
    text = f"{abs(rounded):,.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    if lang == "da":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if rounded < 0:
        text = "−" + text
    elif sign and rounded > 0:
        text = "+" + text
    return text


def format_percent(share: float, lang: str = "da") -> str:
    """A share 0–1 as a whole percentage: "42 %" (Danish) or "42%" (English)."""
    value = round(share * 100)
    return f"{value} %" if lang == "da" else f"{value}%"
