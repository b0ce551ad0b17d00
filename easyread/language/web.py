"""Emails and web addresses: how to find them in text and their canonical keys.

Keys:
- an email is compared without case ("Tax@Northbrook.gov.uk" = "tax@northbrook.gov.uk"): the
  domain part is case-insensitive by RFC 5321, and no council mailbox differs only by case;
- a web address is compared without its scheme ("https://"), a leading "www." and a trailing "/",
  and with its host in lower case (hosts are case-insensitive, RFC 3986 section 3.2.2); the path
  keeps its case, because servers may treat "/Bins" and "/bins" as different pages.

Every pattern can only start where a token starts (a look-behind), so a long run of dots or
letters is read once, not once per character: finding is linear in the length of the text.
"""

from __future__ import annotations

import re

from easyread.language.fact_types import Finder, spans_of

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}(?![\w-])")
_TLD = r"(?:gov\.uk|org\.uk|co\.uk|nhs\.uk|ac\.uk|police\.uk|com|org|net|uk)"
_URL_TAIL = r"[^\s<>()\"'\x00]*[^\s<>()\"'.,;:!?\x00]"  # \x00 marks a fact already found
URL = re.compile(
    r"(?<![\w./@-])(?:https?://|www\.)" + _URL_TAIL
    + r"|(?<![\w./@-])[a-z0-9-]+(?:\.[a-z0-9-]+){0,8}\." + _TLD + r"(?![\w-])(?:/" + _URL_TAIL + r"|/)?",
    re.IGNORECASE,
)
_SCHEME_AND_WWW = re.compile(r"^(?:https?://)?(?:www\.)?", re.IGNORECASE)


def email_key(text: str) -> str:
    """ "Tax@Northbrook.gov.uk" -> "email:tax@northbrook.gov.uk"."""
    return "email:" + text.lower()


def url_key(text: str) -> str:
    """ "https://www.Northbrook.gov.uk/Bins/" -> "url:northbrook.gov.uk/Bins"."""
    rest = _SCHEME_AND_WWW.sub("", text).rstrip("/")
    host, slash, path = rest.partition("/")
    return f"url:{host.lower()}{slash}{path}"


FINDERS: tuple[Finder, ...] = (
    spans_of(EMAIL, "email", lambda match: email_key(match.group(0))),
    spans_of(URL, "url", lambda match: url_key(match.group(0))),
)
