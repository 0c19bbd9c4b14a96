"""The query parameters the API accepts, checked before anything is looked up.

Each rule is in the served OpenAPI document (types, ranges, patterns), so what the document
calls valid is accepted and anything else gets a 400 with the reason. A page past the last is
an empty page; `per_page` above MAX_PER_PAGE is capped rather than refused.

Parameters that may be left out are typed without `None` but default to it, so the document
describes only the values a client can send (a query string has no null)."""

import datetime as dt
import uuid
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..timings import Weekday

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
MAX_PAGE = 100_000
# iCalendar's BYDAY codes, the first two letters of each day's English name: MO, TU, ... SU.
DAYS = tuple(day.name[:2] for day in Weekday)
TIME = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
# What families type: the whole postcode or its first part, any case, one space or none.
POSTCODE = r"^ *[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?([0-9][A-Za-z]{2})? *$"
PRINTABLE = r"^[^\x00-\x1f\x7f]*$"


class PageParams(BaseModel):
    model_config = ConfigDict(extra="ignore")

    page: Annotated[int, Field(ge=1, le=MAX_PAGE, description="Page number, from 1.")] = 1
    per_page: Annotated[
        int,
        Field(ge=1, description=f"Results a page holds: {MAX_PER_PAGE} at most (more is capped)."),
    ] = DEFAULT_PER_PAGE

    @property
    def size(self) -> int:
        return min(self.per_page, MAX_PER_PAGE)


class TermParams(PageParams):
    taxonomy_id: Annotated[uuid.UUID, Field(description="Only terms of this taxonomy.")] = None


Age = Annotated[float, Field(ge=0, le=150, allow_inf_nan=False)]


def _time(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


class ServiceParams(PageParams):
    search: Annotated[
        str, Field(max_length=200, pattern=PRINTABLE, description="Words to look for.")
    ] = ""
    taxonomy_term_id: Annotated[uuid.UUID, Field(description="Services with this term.")] = None
    taxonomy_id: Annotated[
        uuid.UUID, Field(description="Services with any term of this taxonomy.")
    ] = None
    minimum_age: Annotated[
        Age, Field(description="Services whose youngest age is at least this.")
    ] = None
    maximum_age: Annotated[Age, Field(description="Services whose oldest age is at most this.")] = (
        None
    )
    start_time: Annotated[
        str,
        Field(
            pattern=TIME,
            description="Services with a session starting at or after this time (HH:MM).",
        ),
    ] = None
    end_time: Annotated[
        str,
        Field(
            pattern=TIME,
            description="Services with a session ending at or before this time (HH:MM).",
        ),
    ] = None
    day: Annotated[
        Literal[DAYS],  # type: ignore[valid-type]
        Field(description="Services with a session on this day: MO, TU, WE, TH, FR, SA or SU."),
    ] = None

    @property
    def starts_from(self) -> dt.time | None:
        return _time(self.start_time)

    @property
    def ends_by(self) -> dt.time | None:
        return _time(self.end_time)


class ServiceAtLocationParams(ServiceParams):
    postcode: Annotated[
        str,
        Field(
            pattern=POSTCODE,
            description="Only services that serve this postcode's area; with `proximity`, only "
            "venues within that distance of it. A postcode we do not know matches nothing.",
        ),
    ] = None
    proximity: Annotated[
        float,
        Field(
            gt=0,
            le=200_000,
            allow_inf_nan=False,
            description="Distance in metres from the postcode. Ignored without a postcode.",
        ),
    ] = None
