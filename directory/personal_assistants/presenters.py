"""What families see of a personal assistant: the public parts of a profile, in words. Nothing
here reads a PA's surname, email, phone, postcode, position or referees."""

import datetime as dt
from dataclasses import dataclass

from directory.distance import Point, miles_between
from directory.presenters import describe_date, describe_distance, describe_money

from .models import DAYS, TIMES, Offer, PersonalAssistant

OFFER_LABELS = dict(Offer.choices)
DAY_LABELS = dict(DAYS)
TIME_LABELS = dict(TIMES)

# What a family who employs a PA must see to themself: the council does not do it for them.
EMPLOYER_CHECKS = [
    "ask to see the personal assistant's DBS certificate and, if it is on the update service, "
    "check it online with their permission",
    "check their identity and their right to work in the UK",
    "take up their references yourself",
    "agree a contract, their hours and their pay, and set up payroll (tax and National Insurance)",
    "have employer's liability insurance",
]


def describe_rate(pa: PersonalAssistant) -> str:
    if pa.hourly_rate is None:
        return "To discuss"
    return f"{describe_money(pa.hourly_rate)} an hour"


def _labels(codes, labels) -> list[str]:
    return [labels[code] for code in codes if code in labels]


@dataclass(frozen=True)
class Profile:
    """A PA as families see them: on a result card and on their page."""

    id: str
    name: str
    description: str
    experience: str
    training: str
    ages: list[str]
    needs: list[str]
    offers: list[str]
    days: list[str]
    times: list[str]
    rate: str
    dbs_date: str
    dbs_update_service: bool
    last_verified: str
    distance: str  # from the family's postcode, when they gave one

    @property
    def availability(self) -> str:
        return "; ".join(part for part in (", ".join(self.days), ", ".join(self.times)) if part)


def profile_of(pa: PersonalAssistant, *, near: Point | None = None) -> Profile:
    """The public parts of a PA's profile (its lists prefetched: with_profile_data)."""
    miles = None
    if near is not None and pa.latitude is not None:
        miles = miles_between(near, Point(pa.latitude, pa.longitude))
    return Profile(
        id=str(pa.pk),
        name=pa.public_name,
        description=pa.description,
        experience=pa.experience,
        training=pa.training,
        ages=[band.name for band in sorted(pa.age_bands.all(), key=lambda b: b.min_age)],
        needs=[need.name for need in pa.needs.all()],
        offers=_labels(pa.offers, OFFER_LABELS),
        days=_labels(pa.days, DAY_LABELS),
        times=_labels(pa.times, TIME_LABELS),
        rate=describe_rate(pa),
        dbs_date=describe_date(pa.dbs_issued_on),
        dbs_update_service=pa.dbs_update_service,
        last_verified=describe_date(pa.verified_on),
        distance=describe_distance(miles) if miles is not None else "",
    )


def answer_lines(answers: dict, *, labels: dict[str, dict[str, str]]) -> list[str]:
    """One page's kept answers in words, a line each, for 'Check your answers'."""
    rows = []
    if "first_name" in answers:
        rows.append(f"{answers['first_name']} {answers.get('last_name', '')}".strip())
    for name, value in answers.items():
        if name in ("latitude", "longitude", "locality", "first_name", "last_name"):
            continue
        if isinstance(value, list):
            names = labels.get(name, {})
            value = ", ".join(names.get(code, code) for code in value)
        elif name == "dbs_issued_on":
            value = describe_date(dt.date.fromisoformat(value))
        elif name == "hourly_rate":
            value = f"£{value} an hour" if value else "To discuss"
        elif name == "travel_miles":
            value = f"Up to {value} miles"
        elif name == "dbs_update_service":
            value = "On the update service" if value == "yes" else "Not on the update service"
        elif name == "text":
            value = str(value)
        elif name == "consent":
            value = "Agreed" if value else "Not agreed"
        if value:
            rows.append(str(value))
    return rows
