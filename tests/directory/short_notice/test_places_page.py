"""The families' pages: places available soon, and a service's places on its page and its
results card, which are cached pages with the places in a hole."""

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from directory.short_notice.services import place_mark_taken
from tests.factories import ShortNoticePlaceFactory

PLACES = "/places/"
MAX_QUERIES = 8


def place_services(response) -> list[str]:
    return re.findall(
        r'<li class="app-result app-place">\s*<h2[^>]*><a class="govuk-link" href="[^"]+">([^<]+)',
        response.content.decode(),
    )


@pytest.fixture
def places(world):
    today = timezone.localdate()
    return {
        "club": ShortNoticePlaceFactory(
            service=world.services.saturday_club,
            kind=world.kinds.saturday,
            starts_on=today + dt.timedelta(days=2),
        ),
        "overnight": ShortNoticePlaceFactory(
            service=world.services.overnight,
            kind=world.kinds.overnight,
            starts_on=today + dt.timedelta(days=1),
            ends_on=today + dt.timedelta(days=3),
            start_time=dt.time(16),
            end_time=dt.time(10),
            min_age=12,
            needs=[world.needs.physical],
            claim_by="email",
            claim_phone="",
            claim_email="beds@harbour.example",
        ),
    }


def test_the_page_lists_open_places_soonest_first(client, council, places):
    response = client.get(PLACES)

    html = response.content.decode()
    assert response.status_code == 200
    assert place_services(response) == ["Harbour House", "Rainbow Saturday Club"]
    assert "2 places in the next 14 days" in html
    assert "mailto:beds@harbour.example" in html
    assert "Ages 12 to 17" in html
    # The needs a place names itself (the club's names none: its service's are on its page).
    assert html.count("Can support:") == 1
    assert "Can support: Physical disability" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param({"age": "9"}, ["Rainbow Saturday Club"], id="age-within-the-place"),
        pytest.param({"age": "13"}, ["Harbour House"], id="age-the-place-takes"),
        pytest.param({"need": "ASD"}, ["Rainbow Saturday Club"], id="needs-of-the-place"),
        pytest.param({"need": "PD"}, ["Harbour House"], id="need-the-place-supports"),
        pytest.param({"kind": "overnight-residential"}, ["Harbour House"], id="kind-of-break"),
        pytest.param({"locality": "home"}, ["Rainbow Saturday Club"], id="area"),
        pytest.param(
            {"postcode": "DT1 1XJ", "distance": "5"}, ["Rainbow Saturday Club"], id="distance"
        ),
    ],
)
def test_places_are_filtered_like_the_directory(client, council, places, query, expected):
    response = client.get(PLACES, query)

    assert place_services(response) == expected


def test_options_show_how_many_places_they_keep_and_the_address_is_shareable(
    client, council, places
):
    response = client.get(PLACES, {"need": "PD"})

    html = response.content.decode()
    assert re.search(r"Overnight stays in a short-break home \(1\)</label>", html)
    assert re.search(r"Saturday and weekend club \(0\)</label>", html)
    assert 'href="/places/"' in html  # removing the only filter
    assert "/places/alerts/?search=need%3DPD" in html


def test_bad_input_gets_a_govuk_error_not_a_crash(client, council, places):
    response = client.get(PLACES, {"age": "ninety", "postcode": "ZZ99 9ZZ", "need": "nope"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Error: Places available soon" in html
    assert "Enter your child&#x27;s age as a number" in html
    assert place_services(response) == ["Harbour House", "Rainbow Saturday Club"]


def test_a_page_past_the_last_goes_back(client, council, places):
    assert client.get(PLACES, {"page": "7", "age": "9"}).url == "/places/?age=9"
    assert client.get(PLACES, {"page": "-1"}).url == "/places/"


def test_the_page_makes_a_fixed_number_of_queries(
    client, council, world, places, django_assert_max_num_queries
):
    for day in range(5):
        ShortNoticePlaceFactory(
            service=world.services.swimming, needs=[world.needs.physical], places=day + 1
        )

    client.get(PLACES)  # the search index, built once per process

    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(PLACES, {"postcode": "DT1 1XJ"})

    assert len(place_services(response)) == 6


# ---------------------------------------------------------------------------- cached pages


def test_a_place_shows_on_its_service_page_at_once_and_goes_when_taken(
    client, council, world, people
):
    service = world.services.saturday_club
    url = service.get_absolute_url()
    assert "Places available at short notice" not in client.get(url).content.decode()  # cached

    place = ShortNoticePlaceFactory(service=service, places=3)
    html = client.get(url).content.decode()
    assert "Places available at short notice" in html
    assert "3 places" in html

    place_mark_taken(place=place, by=people["editor"])
    assert "Places available at short notice" not in client.get(url).content.decode()


def test_a_place_shows_on_its_results_card_and_goes_when_expired(client, council, world):
    search = reverse("directory:search")
    assert "Places available at short notice" not in client.get(search).content.decode()

    place = ShortNoticePlaceFactory(
        service=world.services.saturday_club,
        offered_until=timezone.now() + dt.timedelta(minutes=1),
    )
    response = client.get(search)
    card = re.search(
        r'<li class="app-result" id="result-[^"]+">\s*<h2[^>]*><a[^>]*>Rainbow Saturday Club'
        r".*?</li>\s*</ul>\s*(.*?)</li>",
        response.content.decode(),
        re.S,
    )
    assert "Places available at short notice" in card.group(1)

    # Nothing is written when an offer ends: the page from the cache drops it by itself.
    with time_machine.travel(place.offered_until + dt.timedelta(seconds=1), tick=False):
        assert "Places available at short notice" not in client.get(search).content.decode()


def test_the_results_page_links_to_alerts_for_its_search(client, council, world):
    html = client.get(reverse("directory:search"), {"age": "9", "page": "1"}).content.decode()

    assert '/places/alerts/?search=age%3D9"' in html
