"""A provider says its listings are still correct: in one click when signed in, or from a review
reminder's link without an account. Either way a version names who, and nothing waits for
approval; corrections from the link reach the editors' inbox and the council's email."""

import datetime as dt
import html

import pytest
import time_machine
from django.core import mail, signing
from django.urls import reverse

from directory.listing_confirmations import LINK_DAYS, LINK_SALT, link_token
from directory.models import ProblemReport, ProposedChange
from directory.roles import DIRECTORY_EDITOR, PROVIDER
from tests.factories import CouncilFactory, ProviderFactory, ServiceFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 1)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC)) as traveller:
        yield traveller


@pytest.fixture
def ours():
    return ProviderFactory(name="Our Club", email="office@ourclub.example")


@pytest.fixture
def live(ours):
    return ServiceFactory(
        provider=ours, name="Live club", status="published", last_checked_on=dt.date(2026, 1, 5)
    )


@pytest.fixture
def sam(client, ours):
    user = UserFactory(username="sam", roles=[PROVIDER])
    ours.users.add(user)
    client.force_login(user)
    return user


def page_of(response) -> str:
    return html.unescape(response.content.decode())


# ---------------------------------------------------------------------- signed in, one click


def test_a_provider_user_confirms_a_listing_in_one_click(client, sam, live):
    change_page = page_of(client.get(reverse("admin:directory_service_change", args=[live.pk])))
    confirm_url = reverse("admin:directory_service_confirm", args=[live.pk])
    assert f'action="{confirm_url}"' in change_page and "It is still correct" in change_page

    response = client.post(confirm_url)

    assert response.status_code == 302
    done = page_of(client.get(response["Location"]))
    assert "Live club is marked as still correct" in done and "checked on 1 December 2026" in done
    live.refresh_from_db()
    assert (live.last_checked_on, live.last_checked_by) == (TODAY, sam)
    version = live.history.latest()
    assert version.history_user == sam
    assert version.history_change_reason == "Confirmed still correct by the provider"
    assert version.last_checked_on == TODAY
    assert not ProposedChange.objects.exists()  # nothing for an editor to approve


def test_another_providers_listing_cannot_be_confirmed(client, sam):
    theirs = ServiceFactory(status="published", last_checked_on=None)

    response = client.post(reverse("admin:directory_service_confirm", args=[theirs.pk]))

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.last_checked_on is None


def test_a_draft_is_not_confirmed_and_a_get_changes_nothing(client, sam, ours, live):
    draft = ServiceFactory(provider=ours, status="draft", last_checked_on=None)

    assert client.post(reverse("admin:directory_service_confirm", args=[draft.pk])).status_code == (
        403
    )
    assert client.get(reverse("admin:directory_service_confirm", args=[live.pk])).status_code == (
        405
    )
    live.refresh_from_db()
    assert live.last_checked_on == dt.date(2026, 1, 5)


def test_an_editor_may_confirm_too(client, live):
    editor = UserFactory(roles=[DIRECTORY_EDITOR])
    client.force_login(editor)

    client.post(reverse("admin:directory_service_confirm", args=[live.pk]))

    live.refresh_from_db()
    assert live.last_checked_by == editor


# ---------------------------------------------------------------------- the link, no account


def review_url(provider):
    return reverse("directory:listing-review", args=[link_token(provider)])


def test_the_link_lists_the_providers_published_listings(client, ours, live):
    ServiceFactory(provider=ours, name="Draft club", status="draft")
    ServiceFactory(name="Someone else's club", status="published")

    page = page_of(client.get(review_url(ours)))

    assert "Check your short breaks listings" in page and "Live club" in page
    assert "Last checked on 5 January 2026." in page
    assert "Draft club" not in page and "Someone else's club" not in page


def test_the_link_confirms_a_listing_and_can_be_used_again(client, ours, live):
    other = ServiceFactory(provider=ours, name="Other club", status="published")
    url = review_url(ours)

    first = client.post(url, {"service": str(live.pk)})

    assert first.status_code == 302 and first["Location"] == url
    live.refresh_from_db()
    assert (live.last_checked_on, live.last_checked_by) == (TODAY, None)
    version = live.history.latest()
    assert "Confirmed still correct by Our Club" in version.history_change_reason
    assert "Live club is marked as still correct" in page_of(client.get(url))

    again = client.post(url, {"service": str(other.pk)})  # the same link, reused

    assert again.status_code == 302
    other.refresh_from_db()
    assert other.last_checked_on == TODAY


def test_the_link_expires(client, ours, live, today):
    url = review_url(ours)
    today.shift(dt.timedelta(days=LINK_DAYS, hours=1))

    response = client.post(url, {"service": str(live.pk)})

    assert response.status_code == 410
    assert "This link has expired" in page_of(response)
    live.refresh_from_db()
    assert live.last_checked_on == dt.date(2026, 1, 5)


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        signing.dumps({"provider": "x"}, salt="another purpose"),
        signing.dumps(["not", "a", "dict"], salt=LINK_SALT),
        signing.dumps({"provider": "00000000-0000-0000-0000-000000000000"}, salt=LINK_SALT),
    ],
    # Named, since a signed value changes with the time (test ids must agree across workers).
    ids=["not-signed", "another-purpose", "not-a-dict", "provider-gone"],
)
def test_a_link_that_is_not_ours_is_not_found(client, token):
    response = client.get(reverse("directory:listing-review", args=[token]))

    assert response.status_code == 404
    assert "Page not found" in page_of(response)


@pytest.mark.parametrize("service", ["", "nonsense", "00000000-0000-0000-0000-000000000000"])
def test_only_the_providers_own_listings_can_be_confirmed(client, ours, live, service):
    theirs = ServiceFactory(status="published", last_checked_on=None)
    url = review_url(ours)

    response = client.post(url, {"service": service or str(theirs.pk)})

    assert response.status_code == 302
    assert "Choose a listing from the list" in page_of(client.get(url))
    theirs.refresh_from_db()
    assert theirs.last_checked_on is None


def test_corrections_reach_the_editors_and_the_council(
    client, ours, live, django_capture_on_commit_callbacks
):
    CouncilFactory(feedback_email="feedback@council.example")
    url = reverse("directory:listing-corrections", args=[link_token(ours), live.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"changes": "We now meet on Thursdays."})

    assert response.status_code == 302
    report = ProblemReport.objects.get()
    assert report.service == live and report.email == "office@ourclub.example"
    assert "From Our Club" in report.details and "Thursdays" in report.details
    assert [sent.to for sent in mail.outbox] == [["feedback@council.example"]]
    live.refresh_from_db()
    assert live.last_checked_on == dt.date(2026, 1, 5)  # not confirmed: it has changed


@pytest.mark.parametrize(
    ("changes", "message"),
    [("", "Enter what has changed"), ("x" * 1001, "in 1,000 characters or fewer")],
)
def test_corrections_must_say_something(client, ours, live, changes, message):
    url = reverse("directory:listing-corrections", args=[link_token(ours), live.pk])

    response = client.post(url, {"changes": changes})

    assert response.status_code == 200
    page = page_of(response)
    assert message in page and "<title>Error: " in page
    assert not ProblemReport.objects.exists()


def test_corrections_for_another_providers_listing_are_not_found(client, ours):
    theirs = ServiceFactory(status="published")
    url = reverse("directory:listing-corrections", args=[link_token(ours), theirs.pk])

    assert client.post(url, {"changes": "Closed."}).status_code == 404
    assert not ProblemReport.objects.exists()
