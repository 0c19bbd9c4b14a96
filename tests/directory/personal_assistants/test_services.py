"""The register's life: an officer approves or refuses; a profile lapses after 6 months unless
the PA confirms through a signed link; a DBS check past the council's limit hides it; a PA
updates or withdraws through a signed link, and withdrawing deletes their personal data."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core import mail, signing
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from directory.personal_assistants import links
from directory.personal_assistants.models import PersonalAssistant
from directory.personal_assistants.services import (
    lapses_apply,
    pa_approve,
    pa_refuse,
    reminders_send,
)
from tests.factories import UserFactory


def listed(register, today=None):
    return set(
        PersonalAssistant.objects.listed(
            today=today or register.today, dbs_valid_years=register.council.pa_dbs_valid_years
        ).values_list("first_name", flat=True)
    )


# ---------------------------------------------------------------------------- approval


def test_approving_needs_every_check(register):
    pa = register.pas.pending
    officer = UserFactory()

    with pytest.raises(ValidationError, match="Tick identity seen"):
        pa_approve(pa=pa, by=officer, today=register.today, dbs_valid_years=3)

    pa.identity_seen = pa.dbs_seen = pa.references_taken = True
    pa_approve(pa=pa, by=officer, today=register.today, dbs_valid_years=3)

    pa.refresh_from_db()
    assert (pa.status, pa.verified_on, pa.confirmed_on) == (
        "approved",
        register.today,
        register.today,
    )
    assert "Penny" in listed(register)
    assert mail.outbox[-1].to == ["penny.private@example.com"]
    assert pa.history.first().history_user == officer


def test_approving_refuses_a_dbs_check_past_the_limit(register):
    pa = register.pas.pending
    pa.identity_seen = pa.dbs_seen = pa.references_taken = True
    pa.dbs_issued_on = register.today - dt.timedelta(days=365 * 3 + 5)

    with pytest.raises(ValidationError, match="less than 3 years old"):
        pa_approve(pa=pa, by=None, today=register.today, dbs_valid_years=3)
    assert PersonalAssistant.objects.get(pk=pa.pk).status == "pending"


def test_refusing_needs_a_reason_which_is_emailed(register):
    pa = register.pas.pending

    with pytest.raises(ValidationError):
        pa_refuse(pa=pa, by=None, reason="  ")
    pa_refuse(pa=pa, by=None, reason="We could not take up your references.")

    assert PersonalAssistant.objects.get(pk=pa.pk).status == "refused"
    assert "We could not take up your references." in mail.outbox[-1].body


# ---------------------------------------------------------------------------- lapse, renew, DBS


def test_a_profile_stops_showing_6_months_after_its_last_confirmation(register):
    pa = register.pas.near
    pa.confirmed_on = register.today - dt.timedelta(days=170)
    pa.save()

    assert "Nadia" in listed(register)
    assert "Nadia" not in listed(register, register.today + dt.timedelta(days=20))


def test_a_dbs_check_past_the_council_s_limit_stops_a_profile_showing_until_renewed(register):
    pa = register.pas.near
    assert "Olive" not in listed(register)

    register.council.pa_dbs_valid_years = 1
    register.council.save()
    pa.dbs_issued_on = register.today - dt.timedelta(days=400)
    pa.save()
    assert "Nadia" not in listed(register)

    pa.dbs_issued_on = register.today - dt.timedelta(days=10)  # an officer saw a new one
    pa.save()
    assert "Nadia" in listed(register)


def test_the_schedule_reminds_then_lapses_and_the_pa_renews_by_the_link(client, register):
    pa = register.pas.near
    pa.confirmed_on = register.today - dt.timedelta(days=175)
    pa.save()

    assert reminders_send(today=register.today) == 1
    assert reminders_send(today=register.today) == 0  # once per confirmation
    reminder = mail.outbox[-1]
    assert reminder.to == ["nadia.private@example.com"]
    link = next(line for line in reminder.body.splitlines() if "/confirm/" in line)
    path = urlsplit(link.strip()).path

    later = register.today + dt.timedelta(days=20)
    assert lapses_apply(today=later) >= 1
    pa.refresh_from_db()
    assert pa.status == "lapsed"
    assert "Nadia" not in listed(register, later)

    assert client.get(path).status_code == 200  # a page with a button: opening it does nothing
    assert PersonalAssistant.objects.get(pk=pa.pk).status == "lapsed"
    with time_machine.travel(later, tick=False):
        response = client.post(path)
    assert response.status_code == 200
    pa.refresh_from_db()
    assert (pa.status, pa.confirmed_on) == ("approved", later)
    assert "Nadia" in listed(register, later)


def test_the_schedule_command_runs_both(register):
    register.pas.near.confirmed_on = register.today - dt.timedelta(days=190)
    register.pas.near.save()

    call_command("personal_assistants_schedule")

    assert PersonalAssistant.objects.get(pk=register.pas.near.pk).status == "lapsed"
    assert PersonalAssistant.objects.get(pk=register.pas.lapsed.pk).status == "lapsed"


# ---------------------------------------------------------------------------- signed links


def _path(pa, purpose):
    return reverse(links.URL_NAMES[purpose], kwargs={"token": links.make_token(pa.pk, purpose)})


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        signing.dumps({"pa": "x", "for": "manage"}, salt="another-salt"),
        links.make_token("00000000-0000-0000-0000-000000000000", "manage"),
    ],
    ids=["nonsense", "another-salt", "unknown-assistant"],
)
def test_a_tampered_or_unknown_link_changes_nothing(client, register, token):
    response = client.post(reverse("personal_assistants:withdraw", kwargs={"token": token}))

    assert response.status_code == 404
    assert "This link has expired" in response.content.decode()
    assert PersonalAssistant.objects.filter(status="withdrawn").count() == 0


def test_a_link_for_one_purpose_does_not_work_for_another(client, register):
    token = links.make_token(register.pas.near.pk, "confirm")

    assert (
        client.get(reverse("personal_assistants:manage", kwargs={"token": token})).status_code
        == 404
    )


def test_a_manage_link_expires_after_a_day(client, register):
    path = _path(register.pas.near, "manage")

    with time_machine.travel(dt.datetime.now(tz=dt.UTC) + dt.timedelta(days=2)):
        assert client.get(path).status_code == 404
    assert client.get(path).status_code == 200


def test_asking_for_a_link_says_the_same_whoever_asks(client, register):
    url = reverse("personal_assistants:manage-request")

    known = client.post(url, {"email": "NADIA.private@example.com"}, follow=True)
    unknown = client.post(url, {"email": "stranger@example.com"}, follow=True)

    assert known.content == unknown.content
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nadia.private@example.com"]
    assert "/personal-assistants/manage/" in mail.outbox[0].body
    bad = client.post(url, {"email": "not an email"})
    assert "Enter an email address in the correct format" in bad.content.decode()


def test_a_pa_updates_their_profile(client, register):
    pa = register.pas.near
    path = _path(pa, "manage")
    form = {
        "description": "Now also teaching swimming.",
        "experience": pa.experience,
        "training": "",
        "hourly_rate": "16",
        "travel_miles": "10",
        "age_codes": ["5-11", "12-16"],
        "need_codes": ["ASD"],
        "offers": ["personal_care"],
        "days": ["saturday", "sunday"],
        "times": ["weekends"],
    }

    response = client.post(path, form)

    assert "Your profile has been updated" in response.content.decode()
    pa.refresh_from_db()
    assert pa.description == "Now also teaching swimming."
    assert pa.travel_miles == 10
    assert {band.code for band in pa.age_bands.all()} == {"5-11", "12-16"}
    bad = client.post(path, form | {"description": "Ring 01632 960 123"})
    assert "Remove the email address" in bad.content.decode()
    pa.refresh_from_db()
    assert pa.description == "Now also teaching swimming."


def test_withdrawing_deletes_personal_data_and_history_but_keeps_an_anonymous_record(
    client, register
):
    pa = register.pas.near
    pa.description = "Changed once, so there is history"
    pa.save()
    path = reverse(
        "personal_assistants:withdraw", kwargs={"token": links.make_token(pa.pk, "manage")}
    )

    assert client.get(path).status_code == 200
    response = client.post(path)

    assert response["Location"] == reverse("personal_assistants:withdrawn")
    left = PersonalAssistant.objects.get(pk=pa.pk)
    assert left.status == "withdrawn"
    private = (
        "first_name",
        "last_name",
        "email",
        "phone",
        "postcode",
        "referee_1_name",
        "referee_1_contact",
        "referee_2_name",
        "referee_2_contact",
        "dbs_certificate_number",
        "description",
        "experience",
        "training",
    )
    assert all(getattr(left, name) == "" for name in private)
    assert (left.latitude, left.longitude) == (None, None)
    assert left.locality == register.localities.home  # for the reports
    assert [need.code for need in left.needs.all()] == ["ASD"]
    assert not pa.history.exists()
    assert mail.outbox[-1].to == ["nadia.private@example.com"]
    # The link is spent: the record it named has no one behind it.
    assert client.post(path).status_code == 404
    assert "Nadia" not in client.get(reverse("personal_assistants:search")).content.decode()
