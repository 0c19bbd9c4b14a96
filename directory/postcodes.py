"""UK postcodes as families type them: pure functions, no database."""

import re
from dataclasses import dataclass

_FULL = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")
_OUTWARD = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")


@dataclass(frozen=True)
class ParsedPostcode:
    """A postcode in its standard form ('DT1 1XJ'), or only its district ('DT1')."""

    text: str
    district: str
    is_full: bool


def parse_postcode(raw: str) -> ParsedPostcode | None:
    """Read a postcode however it was typed ('dt11xj', ' DT1 1XJ '), or None if it cannot be one.

    A district on its own ('DT1') is accepted: families often know only that part.
    """
    compact = re.sub(r"[\s\-]+", "", raw or "").upper()
    if match := _FULL.match(compact):
        outward, inward = match.groups()
        return ParsedPostcode(text=f"{outward} {inward}", district=outward, is_full=True)
    if _OUTWARD.match(compact):
        return ParsedPostcode(text=compact, district=compact, is_full=False)
    return None


def outward_code(postcode: str) -> str:
    """The district part of a postcode in standard form: 'DT1 1XJ' -> 'DT1'."""
    return postcode.split(" ", 1)[0]
