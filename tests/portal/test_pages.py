"""The home page and the footer's site-wide pages."""

import re

import pytest
from django.urls import reverse

SITE_PAGES = [
    ("portal:home", "Short breaks for disabled children and young people"),
    ("portal:accessibility", "Accessibility statement"),
    ("portal:privacy", "Privacy notice"),
    ("portal:cookies", "Cookies"),
    ("portal:contact", "Contact us"),
]


@pytest.mark.parametrize(("name", "title"), SITE_PAGES)
def test_each_site_page_renders_with_the_council_name(
    client, council, name, title, django_assert_max_num_queries
):
    with django_assert_max_num_queries(1):
        response = client.get(reverse(name))

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<h1 class="govuk-heading-xl">{title}' in html
    assert f"<title>{title} – Short breaks – Testshire Council</title>" in html
    assert 'class="app-header__council">Testshire Council</span>' in html


def test_the_page_template_has_skip_link_main_landmark_phase_banner_and_footer_links(
    client, council
):
    html = client.get(reverse("portal:home")).content.decode()

    assert '<a href="#main-content" class="govuk-skip-link"' in html
    assert '<main class="govuk-main-wrapper" id="main-content">' in html
    assert "govuk-phase-banner" in html
    assert 'href="/contact/#feedback">give your feedback</a>' in html
    for path in ("/accessibility/", "/privacy/", "/cookies/", "/contact/"):
        assert f'href="{path}"' in html


def test_pages_load_only_our_own_assets_and_no_inline_script(client, council):
    html = client.get(reverse("portal:home")).content.decode()

    assert "/static/build/application.css" in html
    assert '<script type="module" src="/static/js/application.js">' in html
    assert "<script>" not in html
    assert "style=" not in html
    assert "http://" not in html.replace("http://www.w3.org", "")


def test_the_home_page_starts_each_of_its_two_jobs_with_a_start_button(client, council):
    html = client.get(reverse("portal:home")).content.decode()

    starts = re.findall(
        r'<a href="([^"]+)" draggable="false" class="govuk-button govuk-button--start" '
        r'data-module="govuk-button">\s*([^<]+?)\s*<svg class="govuk-button__start-icon"',
        html,
    )
    assert starts == [
        ("/directory/", "Find short breaks"),
        ("/check/", "Check what you might get"),
    ]


@pytest.mark.parametrize(
    ("path", "active"),
    [
        ("/places/", "Places available soon"),
        ("/personal-assistants/", "Find a personal assistant"),
        ("/check/", "Check what you can get"),
    ],
)
def test_every_part_of_the_service_is_in_the_navigation_and_marked_where_you_are(
    client, council, path, active
):
    html = client.get(path).content.decode()

    items = re.findall(r'class="govuk-service-navigation__link" href="([^"]+)"', html)
    assert items == [
        "/directory/",
        "/places/",
        "/check/",
        "/personal-assistants/",
        "/statement/",
    ]
    assert (
        f'aria-current="page"><strong class="govuk-service-navigation__active-fallback">{active}<'
        in html
    )


def test_the_home_page_points_to_places_soon_and_the_register_of_personal_assistants(
    client, council
):
    html = client.get(reverse("portal:home")).content.decode()

    assert 'href="/places/">See places available in the next 14 days</a>' in html
    assert 'href="/personal-assistants/">find a personal assistant</a>' in html


def test_contact_page_shows_the_councils_contacts(client, council):
    html = client.get(reverse("portal:contact")).content.decode()

    assert "01632 960 001" in html
    assert 'href="mailto:short.breaks@testshire.example"' in html
    assert 'href="https://www.testshire.example/early-help"' in html
    assert 'href="https://www.testshire.example/local-offer"' in html
    # No separate feedback address, so feedback goes to the team.
    assert html.count("mailto:short.breaks@testshire.example") == 2


def test_contact_page_without_contacts_still_tells_families_who_to_ask(client, db):
    from tests.factories import CouncilFactory

    CouncilFactory(
        contact_phone="",
        contact_email="",
        early_help_phone="",
        early_help_url="",
        local_offer_url="",
    )

    html = client.get(reverse("portal:contact")).content.decode()

    assert "Contact Testshire Council and ask for the Children with Disabilities team." in html
    assert "SEND Local Offer" not in html


def test_cookies_page_states_the_session_lifetime_from_settings(client, council, settings):
    settings.SESSION_COOKIE_AGE = 3 * 86_400

    html = client.get(reverse("portal:cookies")).content.decode()

    assert "3 days" in html


def test_site_pages_set_no_cookies(client, council):
    for name, _ in SITE_PAGES:
        response = client.get(reverse(name))
        assert not response.cookies, f"{name} set {list(response.cookies)}"


def test_pages_work_before_the_council_is_configured(client, db):
    from directory.models import Council

    Council.objects.all().delete()

    response = client.get(reverse("portal:home"))

    assert response.status_code == 200
    assert "Your council" in response.content.decode()


def test_robots_txt_keeps_crawlers_out_of_the_back_office(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.content.decode()
