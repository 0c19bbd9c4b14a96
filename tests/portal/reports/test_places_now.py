"""The Places now report: places offered, taken, withdrawn and unused, every figure checked."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from directory.roles import COMMISSIONER, sync_roles
from portal.reports.places_now import places_now_tables
from tests.factories import (
    BreakKindFactory,
    LocalityFactory,
    ServiceFactory,
    ShortNoticePlaceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC)
FIRST, LAST = dt.date(2026, 10, 1), dt.date(2026, 11, 30)


def figures(tables, slug):
    found = next(t for t in tables if t.slug == slug)
    return {row.heading: [cell.value for cell in row.cells] for row in found.rows}


@pytest.fixture
def places(db):
    home = LocalityFactory(code="home-x", name="Home (test)")
    away = LocalityFactory(code="away-x", name="Away (test)")
    club = BreakKindFactory(code="club-x", name="Club (test)")
    beds = BreakKindFactory(code="beds-x", name="Beds (test)")
    saturday = ServiceFactory(name="Saturday club", kinds=[club], localities=[home])
    house = ServiceFactory(name="Harbour house", kinds=[beds], localities=[home, away])

    def place(service, kind, day, places, status="open", until=None):
        starts_on = dt.date(2026, 11, day) if day > 0 else dt.date(2026, 10, -day)
        return ShortNoticePlaceFactory(
            service=service,
            kind=kind,
            starts_on=starts_on,
            places=places,
            status=status,
            offered_until=until or dt.datetime.combine(starts_on, dt.time(9), tzinfo=dt.UTC),
        )

    place(saturday, club, -10, 2, "taken")  # October
    place(saturday, club, 14, 3)  # over, no one took them: unused
    place(saturday, club, 21, 1, "withdrawn")
    place(house, beds, 20, 2, "taken")
    place(house, beds, 28, 4)  # still offered on the 23rd
    place(house, beds, 24, 1, until=NOW - dt.timedelta(hours=1))  # offer over: unused
    place(house, beds, 5, 9, "taken").__class__.objects.filter(places=9).update(
        starts_on=dt.date(2026, 12, 5)
    )  # outside the period


def test_places_by_month(places):
    tables = places_now_tables(first=FIRST, last=LAST, now=NOW)

    assert figures(tables, "places-by-month") == {
        # offered, taken, withdrawn, unused, still offered, unused of taken and unused
        "October 2026": [2, 2, 0, 0, 0, "0%"],
        "November 2026": [11, 2, 1, 4, 4, "67%"],
    }


def test_places_by_service_kind_and_area(places):
    tables = places_now_tables(first=FIRST, last=LAST, now=NOW)

    assert figures(tables, "places-by-service") == {
        "Saturday club": [6, 2, 1, 3, 0, "60%"],
        "Harbour house": [7, 2, 0, 1, 4, "33%"],
    }
    assert figures(tables, "places-by-kind") == {
        "Beds (test)": [7, 2, 0, 1, 4, "33%"],
        "Club (test)": [6, 2, 1, 3, 0, "60%"],
    }
    assert figures(tables, "places-by-area") == {
        "Away (test)": [7, 2, 0, 1, 4, "33%"],
        "Home (test)": [13, 4, 1, 4, 4, "50%"],
    }


def test_the_report_page_and_its_csv(client, places):
    sync_roles(Group, Permission)
    client.force_login(UserFactory(roles=[COMMISSIONER]))
    url = reverse("admin:report", args=["places-now"])

    with time_machine.travel(NOW):
        page = client.get(url, {"start": "2026-10", "end": "2026-11"})
        csv = client.get(url, {"start": "2026-10", "end": "2026-11", "download": "places-by-month"})

    assert page.status_code == 200
    assert "Short-notice places by kind of break" in page.content.decode()
    assert csv["Content-Type"].startswith("text/csv")
    assert "November 2026,11,2,1,4,4,67%" in csv.content.decode()


def test_no_places_gives_empty_tables(db):
    tables = places_now_tables(first=FIRST, last=LAST, now=NOW)

    assert figures(tables, "places-by-month")["November 2026"] == [0, 0, 0, 0, 0, "–"]
    assert figures(tables, "places-by-service") == {}
