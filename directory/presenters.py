"""Display logic for the directory's pages: how a service, a filter or a page of results reads."""

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse

from .models import Availability, Service, Tier
from .querysets.services import ListingDetails

REVIEW_WARNING_DAYS = 365

TIER_TAGS = {
    Tier.UNIVERSAL: ("Open to everyone", "govuk-tag--green"),
    Tier.TARGETED: ("Targeted", "govuk-tag--blue"),
    Tier.SPECIALIST: ("Specialist", "govuk-tag--purple"),
}
AVAILABILITY_TAGS = {
    Availability.PLACES: ("Places available", "govuk-tag--green"),
    Availability.WAITING_LIST: ("Waiting list", "govuk-tag--yellow"),
    Availability.FULL: ("Full", "govuk-tag--red"),
    Availability.NOT_KNOWN: ("Ask about places", "govuk-tag--grey"),
}


def describe_ages(youngest: int, oldest: int) -> str:
    """'Ages 5 to 18', or 'Age 7' for a single year."""
    return f"Age {youngest}" if youngest == oldest else f"Ages {youngest} to {oldest}"


def describe_money(amount: Decimal) -> str:
    """'£10' for whole pounds, '£7.50' otherwise."""
    return f"£{amount:,.0f}" if amount == amount.to_integral_value() else f"£{amount:,.2f}"


def describe_cost(service: Service) -> str:
    """What a family pays, in a few words."""
    if service.is_free:
        return "Free"
    if service.cost_amount is not None:
        return f"{describe_money(service.cost_amount)} {service.get_cost_unit_display()}".strip()
    return "Ask the provider about cost"


def describe_miles(miles: int | str) -> str:
    """'1 mile', '1.0 mile', '5 miles', '0.5 miles': a number of miles as it is shown."""
    return f"{miles} {'mile' if float(miles) == 1 else 'miles'}"


def describe_distance(miles: float | None) -> str:
    """'0.4 miles away', '12 miles away', or '' when there is no distance."""
    if miles is None:
        return ""
    if miles < 0.1:
        return "Less than 0.1 miles away"
    return f"{describe_miles(f'{miles:.1f}' if miles < 10 else f'{miles:.0f}')} away"


MONTHS = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def describe_date(day: dt.date | None) -> str:
    """GOV.UK style: '3 March 2026'."""
    return f"{day.day} {MONTHS[day.month]} {day.year}" if day else ""


def is_review_overdue(last_checked: dt.date | None, today: dt.date) -> bool:
    """Information not checked for over 12 months (or never) gets a warning."""
    return last_checked is None or (today - last_checked).days > REVIEW_WARNING_DAYS


class ServiceCard:
    """One service in a list of results, every line worked out once."""

    def __init__(
        self, service: Service, today: dt.date, url: str = "", *, on_shortlist: bool = False
    ):
        """`service` has `.listing` (directory.querysets.services.ListingDetails)."""
        self.service = service
        self.url = url or service.get_absolute_url()
        self.on_shortlist = on_shortlist
        self.shortlist_hole = ""  # a cached results page's hole for the visitor's button
        self.tier = TIER_TAGS[service.tier]
        self.availability = AVAILABILITY_TAGS[service.availability]
        self.ages = describe_ages(service.min_age, service.max_age)
        self.kinds = ", ".join(service.listing.kinds)
        towns = sorted({town for town, *_ in service.listing.places})
        self.where = ", ".join(towns) if towns else "Comes to you, or you choose where"
        self.distance = describe_distance(getattr(service, "distance", None))
        self.cost = describe_cost(service)
        self.checked = describe_date(service.last_checked_on)
        self.is_overdue = is_review_overdue(service.last_checked_on, today)


_PLACEHOLDER = uuid.UUID(int=0)
# The parameter that carries a search's query string to a service page, for "Back to results".
RESULTS_PARAMETER = "search"


def service_cards(
    services, today: dt.date, *, search: str = "", shortlist: Iterable = ()
) -> list[ServiceCard]:
    """Cards for a list of services, reversing the service URL once rather than per card.

    With `search`, the query string of the results they are on, each card's link carries it,
    so that the service page can lead back to the same results. `shortlist`: the ids of the
    services on the family's shortlist."""
    pattern = reverse("directory:service", args=[_PLACEHOLDER])
    back = "?" + urlencode({RESULTS_PARAMETER: search}) if search else ""
    shortlisted = set(shortlist)
    return [
        ServiceCard(
            service,
            today,
            pattern.replace(str(_PLACEHOLDER), str(service.pk)) + back,
            on_shortlist=service.pk in shortlisted,
        )
        for service in services
    ]


# ---------------------------------------------------------------------------- filters


@dataclass(frozen=True)
class Tag:
    label: str
    remove_url: str


@dataclass(frozen=True)
class TagGroup:
    heading: str
    tags: list[Tag]


def _url(path: str, params: list[tuple[str, str]]) -> str:
    return f"{path}?{urlencode(params)}" if params else path


NOT_TAGS = {"distance", "sort"}  # the distance shows in the postcode's tag; sorting is no filter


def selected_filters(path: str, query: list[tuple[str, str]], form) -> list[TagGroup]:
    """The filters in use, each value with a link that removes just it (and goes to page 1)."""
    kept = [(k, v) for k, v in query if k in form.fields and v != ""]
    groups = []
    for name, field in form.fields.items():
        if name in NOT_TAGS:
            continue
        labels = dict(getattr(field, "choices", []))
        tags = []
        for key, value in kept:
            if key != name:
                continue
            label = _postcode_label(form, value) if name == "postcode" else labels.get(value, value)
            remaining = [(k, v) for k, v in kept if (k, v) != (key, value)]
            if name == "postcode":
                remaining = [(k, v) for k, v in remaining if k != "distance"]
            tags.append(Tag(str(label), _url(path, remaining)))
        if tags:
            groups.append(TagGroup(str(field.label), tags))
    return groups


def _postcode_label(form, value: str) -> str:
    """'DT1 1XJ, within 10 miles': the postcode as placed, and how far the search reaches."""
    cleaned = getattr(form, "cleaned_data", {})
    located, miles = cleaned.get("postcode"), cleaned.get("distance")
    if located is None or not miles:
        return value.upper()
    return f"{located.postcode.text}, within {describe_miles(miles)}"


def label_with_counts(form, counts: dict[str, dict[str, int]]) -> None:
    """Add to each option of the filter form how many of the current results have it."""
    for name, by_code in counts.items():
        field = form.fields[name]
        field.choices = [
            (code, f"{label} ({by_code.get(code, 0)})") for code, label in field.choices
        ]


# ---------------------------------------------------------------------------- pagination


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None for an ellipsis
    url: str = ""
    current: bool = False


def page_links(path: str, query: list[tuple[str, str]], number: int, count: int):
    """GOV.UK pagination: the first, last, current and neighbouring pages, with ellipses."""

    def url(page):
        params = [(k, v) for k, v in query if k != "page"]
        return _url(path, params + ([("page", str(page))] if page > 1 else []))

    shown = sorted({1, count, number - 1, number, number + 1} & set(range(1, count + 1)))
    links, previous = [], 0
    for page in shown:
        if page - previous > 1:
            links.append(PageLink(None))
        links.append(PageLink(page, url(page), page == number))
        previous = page
    return {
        "links": links,
        "previous": url(number - 1) if number > 1 else "",
        "next": url(number + 1) if number < count else "",
    }


# ---------------------------------------------------------------------------- a service's page


def describe_time(moment: dt.time) -> str:
    """GOV.UK style: '10am', '3:30pm', 'midday', 'midnight'."""
    if moment == dt.time(12, 0):
        return "midday"
    if moment == dt.time(0, 0):
        return "midnight"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


@dataclass(frozen=True)
class SessionRow:
    day: str
    times: str
    weeks: str


def session_rows(sessions) -> list[SessionRow]:
    """A service's sessions as table rows: 'Saturday', '10am to 2pm', 'Term time'."""
    rows = []
    for session in sessions:
        times = f"{describe_time(session.start_time)} to {describe_time(session.end_time)}"
        if session.end_time < session.start_time:
            times += " the next day"
        rows.append(SessionRow(session.get_weekday_display(), times, session.get_period_display()))
    return rows


def support_offered(service: Service) -> list[str]:
    """The staffing and care a service offers, in plain words."""
    offers = [
        (service.ratio_one_to_three, "1 worker to 3 children"),
        (service.ratio_one_to_two, "1 worker to 2 children"),
        (service.ratio_one_to_one, "1 worker to each child (1:1)"),
        (service.ratio_two_to_one, "2 workers to 1 child (2:1)"),
        (service.personal_care, "Personal care, such as help with toileting and changing"),
        (service.medication, "Staff can give medication"),
        (service.gastrostomy_feeding, "Gastrostomy feeding"),
        (service.moving_and_handling, "Moving and handling, including hoisting"),
    ]
    return [text for offered, text in offers if offered]


def directions_url(venue) -> str:
    """A link that opens directions to the venue in a map, from wherever the family is."""
    if venue.latitude is None or venue.longitude is None:
        destination = ", ".join(venue.address_lines)
    else:
        destination = f"{venue.latitude:.5f},{venue.longitude:.5f}"
    return "https://www.google.com/maps/dir/?" + urlencode({"api": 1, "destination": destination})


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str
    email: str
    website: str


def contact_for(service: Service) -> Contact:
    """Who to contact: the service's own details, or else the provider's."""
    provider = service.provider
    return Contact(
        name=service.contact_name,
        phone=service.contact_phone or provider.phone,
        email=service.contact_email or provider.email,
        website=service.website or provider.website,
    )


@dataclass(frozen=True)
class VenueBlock:
    venue: object
    directions: str
    features: list[str]


# How many of its provider's other services a service's page lists; the provider's page has all.
OTHER_SERVICES_SHOWN = 10


class ServicePage:
    """What a service's own page shows, worked out once."""

    def __init__(self, service: Service, today: dt.date, other_services: Sequence[Service] = ()):
        """`other_services`: the provider's other published services in the order shown, at
        most OTHER_SERVICES_SHOWN + 1 of them (one more than are shown says there are more)."""
        self.service = service
        self.other_services = list(other_services[:OTHER_SERVICES_SHOWN])
        self.more_other_services = len(other_services) > OTHER_SERVICES_SHOWN
        service.listing = ListingDetails.of(service)
        self.card = ServiceCard(service, today)
        self.web_address = f"{settings.SITE_URL}{service.get_absolute_url()}"
        self.is_overdue = is_review_overdue(service.last_checked_on, today)
        self.checked = describe_date(service.last_checked_on)
        self.sessions = session_rows(service.sessions.all())
        self.support = support_offered(service)
        self.contact = contact_for(service)
        self.needs = [need.name for need in service.needs.all()]
        self.localities = [locality.name for locality in service.localities.all()]
        self.availability_on = describe_date(service.availability_on)
        self.venues = [
            VenueBlock(
                venue,
                directions_url(venue),
                [feature.name for feature in venue.accessibility_features.all()],
            )
            for venue in service.venues.all()
        ]
