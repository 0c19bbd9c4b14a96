"""Versions of directory records: one per save, what each changed, comparing any two, and
reverting with a confirmation step (the revert is a version too)."""

import pytest
from django.urls import reverse

from directory import history
from directory.roles import DIRECTORY_EDITOR, PROVIDER
from tests.directory.conftest import service_form
from tests.factories import (
    AccessibilityFeatureFactory,
    BreakKindFactory,
    ServiceFactory,
    UserFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(lists):
    return ServiceFactory(
        name="Splash club",
        kinds=[lists["kind"]],
        localities=[lists["locality"]],
        sessions=[(5, "10:00", "12:00", "term_time")],
    )


@pytest.fixture
def editor(client):
    user = UserFactory(username="eddie", roles=[DIRECTORY_EDITOR])
    client.force_login(user)
    return user


def edit(client, service, lists, **changes):
    """Save the service through the admin form, as an officer would."""
    data = (
        service_form(service, lists, availability_on=service.availability_on, status=service.status)
        | changes
    )
    # Each session there is deleted, and one on Wednesdays added.
    existing = list(service.sessions.all())
    for index, session in enumerate(existing):
        data |= {
            f"sessions-{index}-id": session.pk,
            f"sessions-{index}-service": service.pk,
            f"sessions-{index}-weekday": session.weekday,
            f"sessions-{index}-start_time": session.start_time.strftime("%H:%M"),
            f"sessions-{index}-end_time": session.end_time.strftime("%H:%M"),
            f"sessions-{index}-period": session.period,
            f"sessions-{index}-DELETE": "on",
        }
    added = len(existing)
    data |= {
        "sessions-TOTAL_FORMS": str(added + 1),
        "sessions-INITIAL_FORMS": str(added),
        f"sessions-{added}-weekday": "2",
        f"sessions-{added}-start_time": "16:00",
        f"sessions-{added}-end_time": "18:00",
        f"sessions-{added}-period": "all_year",
    }
    response = client.post(reverse("admin:directory_service_change", args=[service.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    service.refresh_from_db()
    return service


def history_url(obj, model="service"):
    return reverse(f"admin:directory_{model}_history", args=[obj.pk])


def revert_url(obj, record, model="service"):
    return reverse(f"admin:directory_{model}_revert", args=[obj.pk, record.history_id])


def test_an_admin_save_is_one_version_holding_the_whole_listing(client, editor, service, lists):
    before = service.history.count()

    edit(client, service, lists, name="Splash and play", needs=[lists["need"].pk])

    assert service.history.count() == before + 1
    newest = service.history.latest()
    assert newest.history_user == editor
    assert newest.listing["name"] == "Splash and play"
    assert newest.listing["needs"] == [str(lists["need"].pk)]
    assert [s["weekday"] for s in newest.listing["sessions"]] == [2]


def test_the_history_page_says_who_changed_what(client, editor, service, lists):
    edit(client, service, lists, name="Splash and play", needs=[lists["need"].pk])

    response = client.get(history_url(service))

    newest = response.context["rows"][0]
    assert newest.record.history_user == editor
    assert newest.summary == "Name, Needs, Sessions"
    assert response.context["rows"][-1].summary == "Created"
    assert "eddie" in response.content.decode()


def test_two_versions_compare_field_by_field(client, editor, service, lists):
    first = service.history.latest()
    edit(client, service, lists, name="Splash and play")
    second = service.history.latest()

    response = client.get(
        history_url(service), {"older": second.history_id, "newer": first.history_id}
    )

    found = {d.label: (d.before, d.after) for d in response.context["differences"]}
    assert found["Name"] == ("Splash club", "Splash and play")  # put in order of time
    assert found["Sessions"] == (
        "Saturday 10:00 to 12:00 (term time)",
        "Wednesday 16:00 to 18:00 (all year)",
    )


@pytest.mark.parametrize(
    "params", [{"older": "x", "newer": "1"}, {"older": "999999"}, {"newer": "-1", "older": ""}]
)
def test_a_tampered_comparison_gets_a_message_not_an_error(client, editor, service, params):
    response = client.get(history_url(service), params)

    assert response.status_code == 200
    assert "Choose two different versions to compare." in response.content.decode()


def test_reverting_asks_first_then_restores_the_listing_as_a_new_version(
    client, editor, service, lists
):
    original = service.history.latest()
    edit(client, service, lists, name="Splash and play", needs=[lists["need"].pk])
    service.status = "published"

    confirm = client.get(revert_url(service, original))
    service.refresh_from_db()
    assert service.name == "Splash and play"  # nothing happens before confirming
    rows = {d.label: (d.before, d.after) for d in confirm.context["differences"]}
    assert rows["Name"] == ("Splash and play", "Splash club")
    assert rows["Needs"] == ("Autism", "(none)")

    response = client.post(revert_url(service, original))

    assert response.status_code == 302
    service.refresh_from_db()
    assert service.name == "Splash club"
    assert list(service.needs.all()) == []
    assert [(s.weekday, s.period) for s in service.sessions.all()] == [(5, "term_time")]
    assert service.on_saturday and not service.on_wednesday
    newest = service.history.latest()
    assert (newest.history_user, newest.listing["name"]) == (editor, "Splash club")


def test_a_version_that_no_longer_fits_is_refused_and_nothing_changes(
    client, editor, service, lists
):
    original = service.history.latest()
    other = BreakKindFactory(code="sport", name="Sport")
    edit(client, service, lists, name="Sporty", kinds=[other.pk])
    lists["kind"].delete()  # the only kind the first version had
    count = service.history.count()

    response = client.post(revert_url(service, original))

    assert response.status_code == 200
    assert "at least one of its kinds of break" in response.content.decode()
    service.refresh_from_db()
    assert service.name == "Sporty" and service.history.count() == count


def test_a_venue_reverts_with_its_accessibility_features(client, editor, service):
    hoist = AccessibilityFeatureFactory(code="hoist", name="Hoist")
    venue = VenueFactory(name="Old Hall", provider=service.provider, features=[hoist])
    version = venue.history.latest()
    venue.name = "New Hall"
    venue.save()
    venue.accessibility_features.clear()

    client.post(revert_url(venue, version, "venue"))

    venue.refresh_from_db()
    assert venue.name == "Old Hall"
    assert list(venue.accessibility_features.all()) == [hoist]


def test_a_term_reverts_and_the_services_using_it_follow(client, editor, service, lists):
    kind = BreakKindFactory(code="splash", name="Splash time")
    service.kinds.add(kind)
    version = kind.history.latest()
    kind.name = "Water fun"
    kind.save()

    client.post(revert_url(kind, version, "breakkind"))

    kind.refresh_from_db()
    service.refresh_from_db()
    assert kind.name == "Splash time"
    assert "splash time" in service.search_document.lower()


def test_a_provider_user_sees_its_history_but_cannot_revert(client, service):
    user = UserFactory(roles=[PROVIDER])
    service.provider.users.add(user)
    client.force_login(user)
    version = service.history.latest()

    assert client.get(history_url(service)).status_code == 200
    assert client.post(revert_url(service, version)).status_code == 403
    other = ServiceFactory()
    assert client.get(history_url(other)).status_code == 404


def test_an_unknown_version_is_not_found(client, editor, service):
    url = reverse("admin:directory_service_revert", args=[service.pk, 987654])

    assert client.get(url).status_code == 404


def test_version_rows_need_one_query_per_version_at_most(service, django_assert_max_num_queries):
    records = list(service.history.all())

    with django_assert_max_num_queries(4 * len(records) + 2):
        rows = history.version_rows(records)

    assert rows[-1].summary == "Created"


# ---------------------------------------------------------------------- credit


def test_mark_as_checked_today_makes_a_version_by_the_officer(client, editor, service):
    before = service.history.count()

    response = client.post(
        reverse("admin:directory_service_changelist"),
        {"action": "mark_checked_today", "_selected_action": [service.pk]},
    )

    assert response.status_code == 302
    assert service.history.count() == before + 1
    version = service.history.order_by("-history_date").first()
    assert (version.history_user, version.last_checked_by) == (editor, editor)
    assert version.history_change_reason == "Marked as checked"
    page = client.get(history_url(service)).content.decode()
    assert "Marked as checked" in page


def test_setting_last_checked_in_the_form_credits_the_officer(client, editor, service, lists):
    edit(client, service, lists, last_checked_on="2026-11-30")

    service.refresh_from_db()
    assert service.last_checked_by == editor
    version = service.history.order_by("-history_date").first()
    assert (version.history_user, version.last_checked_by) == (editor, editor)
