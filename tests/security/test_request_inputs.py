"""Input that gave a 500: each now gets a GOV.UK page or a form error."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


# ---------------------------------------------------------------------- return addresses


@pytest.mark.parametrize(
    "target",
    [
        "foo",  # Django's redirect() tried to reverse it as a view name: NoReverseMatch
        "directory:search",
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "http:/evil.example",
        "/directory/\r\nSet-Cookie: x=1",
        "javascript:alert(1)",
        "/" + "a" * 5000,
    ],
)
@pytest.mark.parametrize("action", ["add", "remove"])
def test_a_tampered_return_address_goes_to_the_default_page(client, service, action, target):
    response = client.post(
        reverse(f"directory:shortlist-{action}"), {"service": str(service.pk), "next": target}
    )

    assert response.status_code == 302
    default = (
        reverse("directory:service", args=[service.pk])
        if action == "add"
        else reverse("directory:shortlist")
    )
    assert response["Location"] == default


def test_a_same_site_return_address_is_kept(client, service):
    response = client.post(
        reverse("directory:shortlist-add"),
        {"service": str(service.pk), "next": "/directory/?age=9&sort=name"},
    )

    assert response["Location"] == "/directory/?age=9&sort=name"


# ---------------------------------------------------------------------- huge numbers


@pytest.fixture
def at_date_of_birth(client, council, default_ruleset, area):
    client.post("/check/postcode/", {"answer": "DT1 1XJ"})
    return client


@pytest.mark.parametrize(
    ("day", "month", "year"),
    [
        ("2147483648", "1", "2015"),
        ("1", "2147483648", "2015"),
        ("99999999999999999999999", "1", "2015"),
        ("1", "1", "99999999999999999999"),
        ("001", "1", "2015"),
    ],
)
def test_a_date_of_birth_past_any_calendar_is_a_form_error(at_date_of_birth, day, month, year):
    response = at_date_of_birth.post(
        "/check/date-of-birth/", {"answer_0": day, "answer_1": month, "answer_2": year}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert "<title>Error:" in page


@pytest.mark.parametrize(
    "query",
    [
        "last_checked_on__year=99999999999",
        "last_checked_on__year=9999",
        "last_checked_on__year=0",
        "last_checked_on__year=2026&last_checked_on__month=99999999999",
        "last_checked_on__year=2026&last_checked_on__month=12&last_checked_on__day=99999999999",
        "last_checked_on__year=%D9%A1",
    ],
)
def test_an_admin_date_filter_past_any_calendar_shows_the_list_again(client, council, query):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.get(f"{reverse('admin:directory_service_changelist')}?{query}")

    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")


def test_an_admin_date_filter_in_the_calendar_still_filters(client, council, service):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    year = service.last_checked_on.year

    response = client.get(
        f"{reverse('admin:directory_service_changelist')}?last_checked_on__year={year}"
    )

    assert response.status_code == 200
    assert service.name in response.content.decode()


def test_the_lockouts_date_filter_is_bounded_too(client, council):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.get("/admin/axes/accessattempt/?attempt_time__year=99999999999")

    assert response.status_code == 302


# ---------------------------------------------------------------------- methods


@pytest.mark.parametrize(
    "path",
    [
        "/directory/shortlist/add/",
        "/directory/shortlist/remove/",
        "/directory/shortlist/save/",
        "/check/start-again/",
    ],
)
def test_opening_a_form_address_as_a_page_gets_the_govuk_405_page(client, council, path):
    response = client.get(path)

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    page = response.content.decode()
    assert "This address is for sending a form" in page
    assert 'class="govuk-header' in page


def test_a_method_no_page_takes_gets_the_405_page(client, council):
    response = client.delete("/directory/")

    assert response.status_code == 405
    assert "GET" in response["Allow"]
    assert "Sorry, there is a problem with your request" in response.content.decode()


def test_every_get_page_answers_head(client, council, service):
    pages = [
        "/",
        "/directory/",
        "/directory/short-breaks.csv",
        f"/directory/services/{service.pk}/",
        f"/directory/services/{service.pk}/report/",
        f"/directory/providers/{service.provider.pk}/",
        "/directory/shortlist/",
        "/statement/",
        "/statement/versions/",
        "/check/",
        "/accessibility/",
        "/privacy/",
        "/cookies/",
        "/contact/",
        "/robots.txt",
    ]
    for path in pages:
        response = client.head(path)
        assert response.status_code == 200, path
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert body == b"", path
