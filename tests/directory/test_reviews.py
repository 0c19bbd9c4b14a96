"""The review cycle: when listings fall due, the back office's filter, bulk action and front
page, and the reminders emailed to providers."""

import datetime as dt
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from directory import reviews
from directory.models import Council, ProblemReport, ReviewReminder, Service
from directory.roles import DIRECTORY_EDITOR, PROVIDER
from tests.factories import (
    ProblemReportFactory,
    ProposedChangeFactory,
    ProviderFactory,
    ServiceFactory,
    UserFactory,
)

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 11, 23), 6, dt.date(2026, 5, 23)),
        (dt.date(2026, 8, 31), 6, dt.date(2026, 2, 28)),
        (dt.date(2028, 8, 31), 6, dt.date(2028, 2, 29)),
        (dt.date(2026, 3, 15), 12, dt.date(2025, 3, 15)),
        (dt.date(2026, 1, 10), 1, dt.date(2025, 12, 10)),
        (dt.date(2026, 1, 10), 24, dt.date(2024, 1, 10)),
    ],
)
def test_months_before_keeps_the_day_or_takes_the_months_last(day, months, expected):
    assert reviews.months_before(day, months) == expected


@pytest.mark.parametrize(
    ("last_checked", "overdue"),
    [
        (None, True),
        (dt.date(2026, 5, 22), True),
        (dt.date(2026, 5, 23), False),  # exactly six months ago is still in date
        (dt.date(2026, 11, 1), False),
    ],
)
def test_a_listing_is_overdue_when_not_checked_within_the_cycle(last_checked, overdue):
    assert reviews.is_overdue(last_checked, TODAY, 6) is overdue


# ---------------------------------------------------------------------- the back office


@pytest.fixture
def listings(db, time_machine):
    time_machine.move_to(dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC))
    ours = ProviderFactory(name="Our Club", email="hello@ourclub.example")
    quiet = ProviderFactory(name="Quiet Club", email="")
    return {
        "never": ServiceFactory(name="Never checked", provider=ours, last_checked_on=None),
        "overdue": ServiceFactory(
            name="Overdue", provider=ours, last_checked_on=dt.date(2026, 1, 2)
        ),
        "due soon": ServiceFactory(
            name="Due soon", provider=ours, last_checked_on=dt.date(2026, 6, 1)
        ),
        "current": ServiceFactory(
            name="Current", provider=ours, last_checked_on=dt.date(2026, 11, 1)
        ),
        "quiet": ServiceFactory(name="Quiet", provider=quiet, last_checked_on=dt.date(2025, 1, 1)),
        "draft": ServiceFactory(name="Draft", provider=ours, last_checked_on=None, status="draft"),
    }


def editor(client):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=DIRECTORY_EDITOR))
    client.force_login(user)
    return user


def listed(client, **params):
    response = client.get(reverse("admin:directory_service_changelist"), params)
    return {service.name for service in response.context["cl"].result_list}


def test_officers_filter_listings_by_review(client, listings):
    editor(client)

    assert listed(client, review="overdue") == {"Never checked", "Overdue", "Quiet", "Draft"}
    assert listed(client, review="due-soon") == {"Due soon"}
    assert listed(client, review="current") == {"Current"}


def test_the_review_cycle_is_the_councils_setting(client, listings):
    editor(client)
    Council.objects.update(review_every_months=12)

    assert listed(client, review="overdue") == {"Never checked", "Quiet", "Draft"}


def test_marking_listings_as_checked_records_who_and_when(client, listings):
    officer = editor(client)
    chosen = [listings["never"].pk, listings["overdue"].pk]

    response = client.post(
        reverse("admin:directory_service_changelist"),
        {"action": "mark_checked_today", "_selected_action": chosen},
        follow=True,
    )

    assert "2 listings marked as checked today by you." in response.content.decode()
    for service in Service.objects.filter(pk__in=chosen):
        assert (service.last_checked_on, service.last_checked_by) == (TODAY, officer)
    assert Service.objects.get(pk=listings["current"].pk).last_checked_by is None


def test_a_provider_user_cannot_mark_its_own_listings_as_checked(client, listings):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=PROVIDER))
    listings["draft"].provider.users.add(user)
    client.force_login(user)

    response = client.get(reverse("admin:directory_service_changelist"))
    client.post(
        reverse("admin:directory_service_changelist"),
        {"action": "mark_checked_today", "_selected_action": [listings["draft"].pk]},
    )

    assert "mark_checked_today" not in response.content.decode()
    assert Service.objects.get(pk=listings["draft"].pk).last_checked_on is None


def test_the_front_page_counts_what_needs_attention(client, listings):
    editor(client)
    ProblemReportFactory(service=listings["current"])
    ProblemReportFactory(service=listings["current"], state=ProblemReport.State.RESOLVED)
    ProposedChangeFactory(service=listings["current"])
    ProposedChangeFactory(service=listings["draft"], state="approved")

    response = client.get(reverse("admin:index"))

    assert "Needs attention" in response.content.decode()
    rows = response.context["rows"]
    assert {label: count for label, count, _ in rows} == {
        "Listings overdue for review": 3,  # published only
        "Listings due for review in 30 days": 1,
        "Proposed changes waiting for approval": 1,
        "Problem reports not yet resolved": 1,
    }
    for _, _, url in rows:
        assert client.get(url).status_code == 200


# ---------------------------------------------------------------------- reminders


def run(*args):
    out = StringIO()
    call_command("send_review_reminders", *args, stdout=out)
    return out.getvalue()


def test_each_provider_gets_one_email_listing_its_overdue_listings(listings, settings):
    settings.SITE_URL = "https://shortbreaks.example.gov.uk"
    listings["never"].provider.users.add(UserFactory(roles=[PROVIDER]))  # it has a sign-in

    output = run()

    [email] = mail.outbox
    assert email.to == ["hello@ourclub.example"]
    assert email.subject == "2 short breaks listings to check"
    assert "- Never checked (last checked: never)" in email.body
    assert "- Overdue (last checked: 2 January 2026)" in email.body
    assert "Due soon" not in email.body and "Draft" not in email.body
    assert "https://shortbreaks.example.gov.uk/admin/directory/service/?review=overdue" in (
        email.body
    )
    assert "Not sent to Quiet Club: no email address" in output
    assert ReviewReminder.objects.get().listings == "Never checked\nOverdue"


def test_a_provider_is_not_reminded_again_within_14_days(listings, time_machine):
    run()
    time_machine.move_to(dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC))
    output = run()
    assert len(mail.outbox) == 1
    assert "Not sent to Our Club: reminded in the last 14 days" in output

    time_machine.move_to(dt.datetime(2026, 12, 8, 12, tzinfo=dt.UTC))
    run()
    assert len(mail.outbox) == 2


def test_a_dry_run_prints_the_reminders_and_sends_nothing(listings):
    output = run("--dry-run")

    assert "Would send to hello@ourclub.example: 2 short breaks listings to check" in output
    assert "1 reminders would be sent, 1 not sent." in output
    assert mail.outbox == [] and not ReviewReminder.objects.exists()


def test_a_reminder_that_fails_to_send_is_not_logged(listings, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("the mail server is down")

    monkeypatch.setattr("directory.review_reminders.send_mail", refuse)

    with pytest.raises(ConnectionRefusedError):
        run()

    assert not ReviewReminder.objects.exists()


def test_a_provider_without_a_sign_in_gets_a_link_that_needs_no_account(listings, settings):
    settings.SITE_URL = "https://shortbreaks.example.gov.uk"
    inactive = UserFactory(roles=[PROVIDER], is_active=False)
    listings["never"].provider.users.add(inactive)  # a sign-in no one can use is none

    run()

    [email] = mail.outbox
    assert "You do not need an account, and it works for 30 days" in email.body
    assert "https://shortbreaks.example.gov.uk/directory/listings/check/" in email.body
    assert "/admin/" not in email.body
