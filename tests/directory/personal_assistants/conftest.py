"""A small register where every figure is known: PAs at set distances from DT1 1XJ, with
different travel, ages, needs, offers and days; and ones that must never show (waiting for
checks, refused, lapsed, with an old DBS check)."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone

from tests.factories import (
    AgeBandFactory,
    CouncilFactory,
    LocalityFactory,
    NeedFactory,
    PersonalAssistantFactory,
    PostcodeDistrictFactory,
    PostcodeFactory,
)

ORIGIN = (50.7152, -2.4406)  # DT1 1XJ
MILE = 1 / 69.05  # of latitude


def at(miles_north: float) -> dict:
    return {"latitude": ORIGIN[0] + miles_north * MILE, "longitude": ORIGIN[1]}


@pytest.fixture
def register(db):
    council = CouncilFactory(
        pa_dbs_valid_years=3,
        direct_payments_guidance_url="https://www.testshire.example/direct-payments",
    )
    home = LocalityFactory(code="home", name="Home Valley")
    away = LocalityFactory(code="away", name="Far Coast")
    PostcodeDistrictFactory(code="DT1", latitude=ORIGIN[0], longitude=ORIGIN[1], locality=home)
    PostcodeFactory(postcode="DT1 1XJ", latitude=ORIGIN[0], longitude=ORIGIN[1], locality=home)
    PostcodeFactory(
        postcode="DT2 2AB", latitude=ORIGIN[0] + 15 * MILE, longitude=ORIGIN[1], locality=away
    )
    autism = NeedFactory(code="ASD", name="Autism")
    physical = NeedFactory(code="PD", name="Physical disability")
    young = AgeBandFactory(min_age=0, max_age=4)
    primary = AgeBandFactory(min_age=5, max_age=11)
    teens = AgeBandFactory(min_age=12, max_age=16)
    today = timezone.localdate()
    pas = SimpleNamespace(
        near=PersonalAssistantFactory(
            first_name="Nadia",
            last_name="Nearby",
            email="nadia.private@example.com",
            phone="07700 900111",
            postcode="DT1 7QQ",
            locality=home,
            travel_miles=5,
            needs=[autism],
            age_bands=[primary],
            offers=["personal_care", "driving"],
            days=["saturday"],
            times=["weekends"],
            hourly_rate=15,
            **at(1),
        ),
        wide=PersonalAssistantFactory(
            first_name="Wendy",
            last_name="Widely",
            email="wendy.private@example.com",
            phone="07700 900222",
            postcode="DT2 8WW",
            locality=away,
            travel_miles=20,
            needs=[autism, physical],
            age_bands=[primary, teens],
            offers=["personal_care", "sleep_ins"],
            days=["monday", "tuesday"],
            times=["after_school"],
            hourly_rate=None,
            **at(15),
        ),
        stay_home=PersonalAssistantFactory(
            first_name="Sam",
            last_name="Stayhome",
            email="sam.private@example.com",
            phone="07700 900333",
            postcode="DT2 8SS",
            locality=away,
            travel_miles=3,
            needs=[physical],
            age_bands=[young],
            offers=["medication"],
            days=["friday"],
            times=["evenings"],
            **at(15),
        ),
        pending=PersonalAssistantFactory(
            status="pending",
            first_name="Penny",
            last_name="Pending",
            email="penny.private@example.com",
            verified_on=None,
            confirmed_on=None,
            identity_seen=False,
            dbs_seen=False,
            references_taken=False,
            locality=home,
            **at(0.5),
        ),
        lapsed=PersonalAssistantFactory(
            first_name="Larry",
            last_name="Lapsed",
            email="larry.private@example.com",
            confirmed_on=today - dt.timedelta(days=200),
            locality=home,
            **at(0.5),
        ),
        old_dbs=PersonalAssistantFactory(
            first_name="Olive",
            last_name="Oldcheck",
            email="olive.private@example.com",
            dbs_issued_on=today - dt.timedelta(days=365 * 3 + 5),
            locality=home,
            **at(0.5),
        ),
    )
    return SimpleNamespace(
        council=council,
        pas=pas,
        localities=SimpleNamespace(home=home, away=away),
        needs=SimpleNamespace(autism=autism, physical=physical),
        bands=SimpleNamespace(young=young, primary=primary, teens=teens),
        today=today,
    )
