"""The directory as CSV: the documented columns, the search's results, and cells that a
spreadsheet shows rather than runs."""

import csv
import io

import pytest
from django.urls import reverse

from directory.csv_export import HEADERS
from directory.spreadsheet_cells import safe_cell
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def download(client, **params):
    response = client.get(reverse("directory:download"), params)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return response, list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://bad")', '\'=HYPERLINK("http://bad")'),
        ("+44 1632 960000", "'+44 1632 960000"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("Saturday club", "Saturday club"),
        (None, None),
        (7, 7),
    ],
)
def test_a_cell_that_a_spreadsheet_would_run_is_written_as_text(value, written):
    assert safe_cell(value) == written


def test_the_whole_directory_has_every_published_service_and_the_documented_columns(client, world):
    response, rows = download(client)

    assert response["Content-Disposition"] == 'attachment; filename="short-breaks.csv"'
    assert list(rows[0]) == HEADERS
    assert {row["name"] for row in rows} == {
        "Rainbow Saturday Club",
        "Splash Swimming",
        "Harbour House",
        "Home Sitters",
    }
    club = next(row for row in rows if row["name"] == "Rainbow Saturday Club")
    assert club["sessions"] == "Saturday 10am to 2pm (all year)"
    assert club["cost"] == "£12 per session"
    assert club["venues"].startswith("Near Hall")
    assert (
        club["page"] == f"http://testserver/directory/services/{world.services.saturday_club.pk}/"
    )


def test_the_results_of_a_search_are_every_page_of_them(client, world):
    response, rows = download(client, need="ASD", sort="name", page="2")

    assert response["Content-Disposition"] == 'attachment; filename="short-breaks-search.csv"'
    assert [row["name"] for row in rows] == [
        "Harbour House",
        "Home Sitters",
        "Rainbow Saturday Club",
    ]


def test_a_search_with_errors_goes_back_to_show_them(client, world):
    response = client.get(reverse("directory:download"), {"need": "NOT-A-NEED", "page": "3"})

    assert response.status_code == 302
    assert response["Location"] == "/directory/?need=NOT-A-NEED"


def test_a_provider_cannot_slip_a_formula_into_the_file(client, world):
    ServiceFactory(name="=cmd|' /C calc'!A0", localities=[world.localities.home])

    _, rows = download(client)

    assert "'=cmd|' /C calc'!A0" in {row["name"] for row in rows}


def test_the_file_costs_the_same_queries_for_any_number_of_services(
    client, world, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        download(client)
    for _ in range(5):
        ServiceFactory(localities=[world.localities.home])
    with django_assert_max_num_queries(12):
        download(client)


def test_the_results_page_offers_its_results_as_csv(client, world):
    page = client.get(reverse("directory:search"), {"need": "ASD", "page": "1"}).content.decode()

    assert 'href="/directory/short-breaks.csv?need=ASD"' in page
    assert "Download these results (CSV" in page
