"""Styled GOV.UK error pages for 400, 403, 404, 500 and a failed CSRF check."""

import pytest
from django.test import Client

pytestmark = pytest.mark.urls("tests.portal.urls_raising")


@pytest.fixture
def quiet_client(db):
    """A client that gets the error page, as a browser would, instead of the exception."""
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    ("path", "status", "heading"),
    [
        ("/raise/400/", 400, "Sorry, there is a problem with your request"),
        ("/raise/403/", 403, "You cannot see this page"),
        ("/no/such/page/", 404, "Page not found"),
        ("/raise/500/", 500, "Sorry, there is a problem with the service"),
    ],
)
def test_error_pages_use_the_govuk_template(quiet_client, council, path, status, heading):
    response = quiet_client.get(path)

    assert response.status_code == status
    html = response.content.decode()
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in html
    assert f"<title>{heading} – Short breaks – Testshire Council</title>" in html
    assert "govuk-skip-link" in html
    assert "/static/build/application.css" in html


def test_the_500_page_gives_the_teams_phone_number(quiet_client, council):
    html = quiet_client.get("/raise/500/").content.decode()

    assert (
        "call the Children with Disabilities team on "
        '<a class="govuk-link" href="tel:+441632960001">01632 960 001</a>'
    ) in html


def test_the_500_page_renders_even_when_the_database_fails(quiet_client, council, monkeypatch):
    from django.db import DatabaseError

    from directory.models import Council

    def unavailable():
        raise DatabaseError("database is down")

    monkeypatch.setattr(Council.objects, "current", unavailable)

    response = quiet_client.get("/raise/500/")

    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


def test_a_form_sent_without_its_security_token_gets_the_csrf_page(db, council):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/form/", {"anything": "x"})

    assert response.status_code == 403
    html = response.content.decode()
    assert "Sorry, your form could not be sent" in html
    assert "Nothing you sent has been saved" in html
