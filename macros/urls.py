"""Which web addresses a reader may be sent to: the rule for every link the handbook prints."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

LINK_SCHEMES = ("https", "http", "mailto")
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# A browser trims C0 controls and spaces around an address and drops tabs and line breaks inside it,
# so "  java\tscript:" is a javascript: address.
_TRIMMED = "".join(chr(code) for code in range(0x21))
_DROPPED = re.compile(r"[\t\n\r]")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]")
_NOT_IN_EMAIL = r"[^@\s<>\"'():;,?&#%\\/]"
EMAIL = re.compile(rf"^{_NOT_IN_EMAIL}+@{_NOT_IN_EMAIL}+\.{_NOT_IN_EMAIL}+$")
EXAMPLE_SITE = "https://handboek.voorbeeld.nl/"
ALLOWED_ADDRESSES = "een adres dat begint met https:// of http://, een mailto:-adres of een relatief adres"


def browser_reading(address: str) -> str:
    """`address` as a browser reads it: spaces and control characters around it trimmed, tabs and line breaks in it dropped."""
    return _DROPPED.sub("", address.strip(_TRIMMED))


def scheme(address: str) -> str | None:
    """The scheme a browser reads in `address`, in lower case; None for a relative address."""
    found = SCHEME.match(browser_reading(address))
    return found.group(1).lower() if found else None


def link_problem(address: str) -> str | None:
    """Why `address` may not be a link (only https:, http:, mailto: or relative), or None."""
    found = scheme(address)
    if found is not None and found not in LINK_SCHEMES:
        return f"een adres met {found}: is niet toegestaan; verwacht {ALLOWED_ADDRESSES}"
    if _INVISIBLE.search(address):
        return "bevat een spatie, tab of regeleinde; schrijf een spatie in een webadres als %20"
    return missing_site_problem(address)


def missing_site_problem(address: str) -> str | None:
    """Why an http(s) address leads nowhere (no site named after the scheme), or None."""
    found = scheme(address)
    if found in ("http", "https") and not urlsplit(address).hostname:
        return f"na {found}:// ontbreekt de naam van de website, zoals in {EXAMPLE_SITE}"
    return None


def site_url_problem(address: str) -> str | None:
    """Why `address` is not the full http(s) address of a site, or None."""
    if _INVISIBLE.search(address) or scheme(address) not in ("http", "https") or not urlsplit(address).hostname:
        return f"verwacht een volledig webadres dat begint met https:// of http://, zoals {EXAMPLE_SITE}, of laat het veld weg"
    return None


def email_problem(address: str) -> str | None:
    """Why `address` is not a plain e-mail address, or None."""
    return None if EMAIL.match(address) else "verwacht een e-mailadres als naam@organisatie.nl, zonder spaties of andere tekens eromheen"
