"""Phone numbers as typed in the data, turned into tel: URIs (RFC 3966) that phones can dial."""

from __future__ import annotations

import re

COUNTRY_CODE = "49"  # numbers written without one are German


def tel_uri(phone: str | None) -> str | None:
    """A global tel: URI for a phone number, or None when the text holds no dialable number.

    „+49 (0)511 123456“ and „0511 123456“ both become „tel:+49511123456“: the trunk zero is
    dropped, „00“ is the international prefix. A number without area code cannot be made global and
    gets no link.
    """
    if not phone:
        return None
    text = phone.strip().replace("(0)", "")
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        number = digits
    elif digits.startswith("00"):
        number = digits[2:]
    elif digits.startswith("0"):
        number = COUNTRY_CODE + digits[1:]
    else:
        return None
    # E.164: at most 15 digits, no leading zero
    if not 7 <= len(number) <= 15 or number.startswith("0"):
        return None
    return "tel:+" + number
