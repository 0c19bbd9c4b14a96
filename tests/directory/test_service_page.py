"""A service's page: what it lists of the provider's other services, and the cache of what every
visitor sees alike (directory.page_cache): never shown after what it shows has changed, never
holding anything of one visitor's, the same HTML as a page rendered afresh."""

import datetime as dt
import re

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from directory import data_version, page_cache
from directory.models import Council, Service
from directory.presenters import OTHER_SERVICES_SHOWN
from directory.roles import DIRECTORY_EDITOR
from directory.services import (
    service_refresh_derived_fields,
    taxonomy_term_save,
    venue_save,
)
from directory.views import _service_page
from tests.factories import (
    AccessibilityFeatureFactory,
    CouncilFactory,
    NeedFactory,
    ProviderFactory,
    ServiceFactory,
    UserFactory,
    VenueFactory,
)

# A page from the cache reads the data's version, then the council's configuration with the
# service's status; one rendered afresh reads those, the service with its needs, kinds,
# localities, sessions, venues and their features, and the provider's other services. Either
# reads the short-notice places' marker, for a hole (directory.short_notice.holes); the first
# request after the data changes reads the open places again (the next days' facts, and every
# open place's card). A visitor with a session (a shortlist) adds a query for it to either.
WARM_QUERIES = 3
COLD_QUERIES = 13
NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


@pytest.fixture
def service(db):
    """A published listing with something in every list, so that its page reads them all."""
    hoist = AccessibilityFeatureFactory(code="hoist", name="Hoist")
    return ServiceFactory(
        name="Rainbow Saturday Club",
        provider=ProviderFactory(name="Rainbow Trust"),
        needs=[NeedFactory(code="ASD", name="Autism")],
        venues=[VenueFactory(name="Near Hall", features=[hoist])],
        sessions=[(5, "10:00", "14:00", "all_year")],
        tier="specialist",
    )


def kept_page(service):
    """The service's page in the cache now (a PageWithHoles), or None."""
    key = page_cache.service_page_key(
        service.pk,
        version=data_version.current(),
        today=timezone.localdate(),
        council=page_cache.council_and_status(service.pk)[0],
    )
    return page_cache.get(key)


def page(client, service, **query) -> str:
    response = client.get(service.get_absolute_url(), query)
    assert response.status_code == 200
    return response.content.decode()


def without_csrf_token(html: str) -> str:
    """The page with its CSRF token blanked: it is the one thing that differs per response."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', 'name="csrfmiddlewaretoken"', html)


def other_service_names(html: str) -> list[str]:
    listed = re.search(r"Also from this provider</h2>\s*<ul[^>]*>(.*?)</ul>", html, re.S)
    return re.findall(r'<a class="govuk-link" href="[^"]+">([^<]+)</a>', listed.group(1))


# ---------------------------------------------------------------------------- other services


def test_the_first_other_services_by_name_are_listed_with_a_link_to_all_of_them(
    client, service, council
):
    provider = service.provider
    names = [f"Club {number:02d}" for number in range(OTHER_SERVICES_SHOWN + 3)]
    for name in reversed(names):
        ServiceFactory(name=name, provider=provider)
    ServiceFactory(name="A draft club", provider=provider, status="draft")
    ServiceFactory(name="A closed club", provider=provider, status="archived")
    ServiceFactory(name="Another provider's club")

    html = page(client, service)

    assert other_service_names(html) == names[:OTHER_SERVICES_SHOWN]
    provider_page = reverse("directory:provider", args=[provider.pk])
    assert (
        f'<a class="govuk-link" href="{provider_page}">See all the short breaks Rainbow Trust '
        "runs</a>" in html
    )


def test_a_provider_with_few_other_services_lists_them_all_without_a_link_to_more(
    client, service, council
):
    for number in range(OTHER_SERVICES_SHOWN):
        ServiceFactory(name=f"Club {number:02d}", provider=service.provider)

    html = page(client, service)

    assert len(other_service_names(html)) == OTHER_SERVICES_SHOWN
    assert "See all the short breaks" not in html


def test_a_provider_with_no_other_service_lists_none(client, service, council):
    html = page(client, service)

    assert "Also from this provider" not in html
    assert "See everything Rainbow Trust runs" in html


# ---------------------------------------------------------------------------- queries


def test_a_page_is_rendered_once_then_served_from_the_cache_in_a_few_queries(
    client, service, council, django_assert_num_queries
):
    for number in range(OTHER_SERVICES_SHOWN + 5):
        ServiceFactory(name=f"Club {number:02d}", provider=service.provider)

    with django_assert_num_queries(COLD_QUERIES):
        cold = page(client, service)
    with django_assert_num_queries(WARM_QUERIES):
        warm = page(client, service)

    assert without_csrf_token(warm) == without_csrf_token(cold)


def test_a_visitor_with_a_shortlist_adds_one_query_for_their_session(
    client, service, council, django_assert_num_queries
):
    client.post(reverse("directory:shortlist-add"), {"service": service.pk})
    client.get(reverse("directory:shortlist"))  # shows "Added to your shortlist", once

    with django_assert_num_queries(COLD_QUERIES + 1):
        page(client, service)
    with django_assert_num_queries(WARM_QUERIES + 1):
        page(client, service)


# ---------------------------------------------------------------------------- the same HTML


@pytest.mark.parametrize("shortlisted", [False, True])
def test_a_page_from_the_cache_is_the_page_rendered_afresh_byte_for_byte(
    client, service, council, shortlisted
):
    ServiceFactory(name="Another club", provider=service.provider)
    if shortlisted:
        client.post(reverse("directory:shortlist-add"), {"service": service.pk})
    page(client, service, search="age=9")  # kept in the cache (and any message shown)

    from_cache = client.get(service.get_absolute_url(), {"search": "age=9"})
    with override_settings(CACHES=NO_CACHE):
        uncached = client.get(service.get_absolute_url(), {"search": "age=9"}).content
    # The template rendered whole, for the same request, as the back office's preview is.
    whole = _service_page(
        from_cache.wsgi_request, Service.objects.with_page_data().get(pk=service.pk)
    ).content

    assert "Back to results" in from_cache.content.decode()
    assert same_bytes(from_cache.content, uncached)
    assert same_bytes(from_cache.content, whole)


def same_bytes(one: bytes, other: bytes) -> bool:
    """Whether two responses' bodies are byte for byte the same but for their CSRF tokens."""
    return without_csrf_token(one.decode()).encode() == without_csrf_token(other.decode()).encode()


# ---------------------------------------------------------------------------- changes


def rename_service(service):
    service.name = "Rainbow Sunday Club"
    service.save()
    return '<h1 class="govuk-heading-xl">Rainbow Sunday Club</h1>'


def rename_provider(service):
    provider = service.provider
    provider.name = "Rainbow Charity"
    provider.save()
    return "About Rainbow Charity"


def rename_venue(service):
    venue = service.venues.get()
    venue.name = "Far Hall"
    venue_save(venue=venue)
    return "Get directions to Far Hall"


def change_venue_notes(service):
    """A venue saved on its own, not through the services layer."""
    venue = service.venues.get()
    venue.accessibility_notes = "The lift is out of order."
    venue.save()
    return "The lift is out of order."


def move_session(service):
    """As the back office saves a listing's sessions: then its derived columns."""
    service.sessions.update(start_time=dt.time(11, 0))
    service_refresh_derived_fields(service=service)
    return "11am to 2pm"


def rename_need(service):
    need = service.needs.get()
    need.name = "Autism spectrum condition"
    taxonomy_term_save(term=need)
    return "<li>Autism spectrum condition</li>"


def add_another_service(service):
    ServiceFactory(name="Brand New Club", provider=service.provider)
    return "Brand New Club"


@pytest.mark.parametrize(
    "change",
    [
        rename_service,
        rename_provider,
        rename_venue,
        change_venue_notes,
        move_session,
        rename_need,
        add_another_service,
    ],
)
def test_a_change_to_anything_on_the_page_shows_at_once(client, service, council, change):
    page(client, service)  # kept in the cache

    shown = change(service)

    assert shown in page(client, service)


def test_a_warning_that_a_listing_may_be_out_of_date_appears_the_day_it_is(
    client, council, time_machine
):
    time_machine.move_to(dt.datetime(2026, 3, 2, 12, tzinfo=dt.UTC))
    service = ServiceFactory(last_checked_on=timezone.localdate() - dt.timedelta(days=365))
    assert "It may be out of date" not in page(client, service)

    time_machine.move_to(dt.datetime(2026, 3, 3, 12, tzinfo=dt.UTC))

    assert "It may be out of date" in page(client, service)


# ---------------------------------------------------------------------------- status first


@pytest.fixture
def version_unchanged(monkeypatch):
    """The data's version held still, as if a write had slipped past it: only the status check
    then stands between the cache and a page that is no longer published."""
    monkeypatch.setattr(data_version, "current", lambda alias="default": "held")


@pytest.mark.parametrize(("status", "code"), [("draft", 404), ("archived", 410)])
def test_a_page_taken_down_is_never_served_from_the_cache(
    client, service, council, version_unchanged, status, code
):
    page(client, service)  # kept in the cache

    service.status = status
    service.save()
    response = client.get(service.get_absolute_url())

    assert response.status_code == code


def test_a_page_taken_down_says_so_and_a_draft_is_not_found(client, service, council):
    archived = ServiceFactory(name="Closed Club", status="archived", provider=service.provider)
    draft = ServiceFactory(status="draft")

    gone = client.get(archived.get_absolute_url())

    assert gone.status_code == 410
    assert "Closed Club, run by Rainbow Trust, has been taken out" in gone.content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 404
    missing = "/directory/services/5b1e6f0c-0000-4000-8000-000000000001/"
    assert client.get(missing).status_code == 404


# ---------------------------------------------------------------------------- each visitor's own


def test_the_shortlist_button_is_each_visitors_own(service, council, django_assert_num_queries):
    keeper, browser = Client(), Client()
    page(browser, service)  # kept in the cache
    keeper.post(reverse("directory:shortlist-add"), {"service": service.pk})
    assert "Added to your shortlist." in page(keeper, service)

    with django_assert_num_queries(WARM_QUERIES + 1):  # from the cache, with the keeper's session
        kept = page(keeper, service)
    with django_assert_num_queries(WARM_QUERIES):
        browsed = page(browser, service)

    assert "Remove from shortlist" in kept and "Add to shortlist" not in kept
    assert "Add to shortlist" in browsed and "Remove from shortlist" not in browsed
    assert "Your shortlist (1)" in kept and "Your shortlist" not in browsed
    assert "Added to your shortlist." not in browsed


def test_the_way_back_to_results_is_each_visitors_own(client, service, council):
    page(client, service)  # kept in the cache

    from_results = page(client, service, search="age=9")
    plain = page(client, service)

    assert '<a href="/directory/?age=9" class="govuk-back-link">Back to results</a>' in from_results
    assert "Back to results" not in plain and 'class="govuk-breadcrumbs"' in plain


def test_the_preview_is_never_cached_nor_served_to_families(
    client, service, council, version_unchanged
):
    client.force_login(UserFactory(roles=[DIRECTORY_EDITOR]))
    preview = reverse("directory:service-preview", args=[service.pk])
    assert "Report a problem" not in client.get(preview).content.decode()

    service.summary = "Now on Sundays too."
    service.save()

    assert "Now on Sundays too." in client.get(preview).content.decode()
    assert kept_page(service) is None
    client.logout()
    html = page(client, service)
    assert "Report a problem with this page" in html and 'id="preview-title"' not in html


def test_nothing_of_a_visitors_own_is_kept_in_the_cache(client, service, council):
    client.post(reverse("directory:shortlist-add"), {"service": service.pk})
    html = page(client, service, search="age=9")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    kept = "".join(kept_page(service).pieces)

    assert '<h1 class="govuk-heading-xl">Rainbow Saturday Club</h1>' in kept
    assert "Report a problem with this page" in kept
    for own in (
        token,
        "Your shortlist (1)",
        "Remove from shortlist",
        "Back to results",
        "Added to your shortlist",
    ):
        assert own in html and own not in kept


def test_a_new_council_configuration_is_a_new_page(client, service, db):
    CouncilFactory(disabled_children_team_name="Children with Disabilities team")
    assert "Children with Disabilities team" in page(client, service)

    Council.objects.update(disabled_children_team_name="Short Breaks team")

    assert "Short Breaks team" in page(client, service)


def test_without_a_council_configuration_its_defaults_are_shown_and_kept(
    client, service, django_assert_num_queries
):
    Council.objects.all().delete()  # a migration makes one; the site copes without

    # With no configuration to read it with, the service's status is read on its own.
    with django_assert_num_queries(COLD_QUERIES + 1):
        cold = page(client, service)
    with django_assert_num_queries(WARM_QUERIES + 1):
        warm = page(client, service)

    assert "Your council" in warm and without_csrf_token(warm) == without_csrf_token(cold)
