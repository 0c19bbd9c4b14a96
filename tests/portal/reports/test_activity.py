"""The activity log: who changed what and when across records, filtered by person, record type
and date, as CSV with formula cells neutralised; commissioners only."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from directory import services
from directory.roles import COMMISSIONER, DIRECTORY_EDITOR
from tests.factories import ProviderFactory, ServiceFactory, UserFactory, VenueFactory

pytestmark = pytest.mark.django_db
URL = reverse("admin:portal_activity_changelist")


@pytest.fixture
def commissioner(client, council):
    user = UserFactory(username="cass", roles=[COMMISSIONER])
    client.force_login(user)
    return user


@pytest.fixture
def edits(db):
    """An editor's changes to a provider and a venue one day, and a listing checked the next."""
    eddie = UserFactory(username="eddie", roles=[DIRECTORY_EDITOR])
    with time_machine.travel(dt.datetime(2026, 11, 2, 10, tzinfo=dt.UTC), tick=False):
        provider = ProviderFactory(name='=HYPERLINK("http://x")')
        provider._history_user = eddie
        provider.phone = "01305 1"
        provider.save()
        VenueFactory(name="Hall", provider=provider)
    with time_machine.travel(dt.datetime(2026, 11, 3, 10, tzinfo=dt.UTC), tick=False):
        service = ServiceFactory(name="Splash club", provider=provider)
        services.services_mark_checked(
            services=type(service).objects.filter(pk=service.pk), by=eddie, on=dt.date(2026, 11, 3)
        )
    return eddie


def test_a_commissioner_sees_who_changed_what_and_when(client, commissioner, edits):
    page = client.get(URL)

    assert page.status_code == 200
    rows = [(e.who, e.record_type, e.action) for e in page.context["entries"]]
    assert ("eddie", "Service", "Changed") in rows
    assert ("eddie", "Provider", "Changed") in rows
    assert "Marked as checked" in page.content.decode()


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"record_type": "provider"}, {"Provider"}),
        ({"since": "2026-11-03"}, {"Service"}),
        ({"until": "2026-11-02"}, {"Provider", "Venue"}),
    ],
    ids=["by record type", "from a day", "to a day"],
)
def test_the_log_is_filtered(client, commissioner, edits, filters, expected):
    page = client.get(URL, filters)

    assert {e.record_type for e in page.context["entries"]} == expected


def test_the_log_is_filtered_by_person(client, commissioner, edits):
    page = client.get(URL, {"person": edits.pk})

    assert {e.who for e in page.context["entries"]} == {"eddie"}
    assert len(page.context["entries"]) == 2


@pytest.mark.parametrize(
    "filters",
    [
        {"person": "999999"},
        {"record_type": "users"},
        {"since": "yesterday"},
        {"since": "2026-11-05", "until": "2026-11-01"},
        {"since": "99999-01-01"},
    ],
)
def test_bad_filters_are_errors_on_the_page(client, commissioner, edits, filters):
    page = client.get(URL, filters)

    assert page.status_code == 200
    assert page.context["form"].errors and page.context["entries"] == []


def test_the_csv_neutralises_formula_cells(client, commissioner, edits):
    response = client.get(URL, {"record_type": "provider", "download": "csv"})

    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode()
    assert body.splitlines()[0] == "When,Who,Record type,Record,Action,Note"
    assert "'=HYPERLINK" in body and ",=HYPERLINK" not in body


def test_only_commissioners_see_the_log(client, edits):
    client.force_login(edits)

    assert client.get(URL).status_code == 403


def test_the_log_reads_a_bounded_number_of_queries(
    client, commissioner, edits, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20):
        client.get(URL)
