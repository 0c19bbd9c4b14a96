"""Email alerts: asking, confirming by a signed link, alerts sent once by the scheduled
command, daily digests, renewing, stopping, and what is deleted when."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from directory.short_notice.links import token_for
from directory.short_notice.models import Alert, SentAlert
from directory.short_notice.services import alerts_tidy
from tests.factories import AlertFactory, ServiceFactory, ShortNoticePlaceFactory

NEW = reverse("short_notice:alert-new")


def link_in(message, name: str) -> str:
    """The path of the email's link to a page (confirm, renew, stop)."""
    found = re.search(rf"http://testserver(/places/alerts/{name}/[^/\s]+/)", message.body)
    return found.group(1)


def send():
    call_command("send_place_alerts", verbosity=0)


# ---------------------------------------------------------------------------- asking


def test_a_family_asks_for_alerts_and_confirms_by_the_link(client, council, world):
    form = client.get(NEW, {"search": "age=9&need=ASD"})
    assert form.status_code == 200
    assert 'value="age=9&amp;need=ASD"' in form.content.decode()

    response = client.post(
        NEW, {"email": "parent@example.com", "frequency": "daily", "search": "age=9&need=ASD"}
    )

    assert response.url == reverse("short_notice:requested")
    alert = Alert.objects.get()
    assert (alert.email, alert.search, alert.confirmed_at) == (
        "parent@example.com",
        "age=9&need=ASD",
        None,
    )
    [message] = mail.outbox
    assert message.to == ["parent@example.com"]
    confirm = link_in(message, "confirm")

    assert "Confirm your email alerts" in client.get(confirm).content.decode()
    Alert.objects.get(confirmed_at=None)  # opening the link changes nothing: its button does
    done = client.post(confirm)
    assert "Your alerts have started" in done.content.decode()
    alert.refresh_from_db()
    assert alert.confirmed_at is not None


@pytest.mark.parametrize(
    ("data", "error"),
    [
        pytest.param(
            {"email": "not an email", "frequency": "daily"}, "correct format", id="bad-email"
        ),
        pytest.param({"email": "", "frequency": "daily"}, "Enter your email", id="no-email"),
        pytest.param(
            {"email": "a@example.com", "frequency": "hourly"}, "how often", id="bad-frequency"
        ),
        pytest.param(
            {"email": "a@example.com", "frequency": "daily", "search": "age=ninety"},
            "cannot set up alerts for that search",
            id="invalid-search",
        ),
        pytest.param(
            {"email": "a@example.com", "frequency": "daily", "search": "evil=1"},
            "cannot set up alerts for that search",
            id="not-a-search",
        ),
    ],
)
def test_bad_input_gets_a_govuk_error_and_writes_nothing(client, council, world, data, error):
    response = client.post(NEW, data)

    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert error in html
    assert not Alert.objects.exists()
    assert not mail.outbox


def test_a_link_to_the_form_with_an_invalid_search_says_so(client, council, world):
    response = client.get(NEW, {"search": "age=ninety"})

    assert response.status_code == 400
    assert "We cannot set up alerts for that search" in response.content.decode()


def test_asking_too_often_is_refused(client, council, world, settings):
    data = {"email": "a@example.com", "frequency": "daily"}
    for _ in range(10):
        client.post(NEW, data)

    response = client.post(NEW, data)

    assert response.status_code == 429
    assert Alert.objects.count() == 10


@pytest.mark.parametrize("purpose", ["confirm", "renew", "stop"])
def test_a_tampered_or_expired_link_does_not_work(client, council, world, purpose):
    alert = AlertFactory(confirmed_at=None)
    signed = token_for(alert.pk, {"stop": "unsubscribe"}.get(purpose, purpose))
    tampered = signed[:-2] + ("AA" if not signed.endswith("AA") else "BB")

    for token in (tampered, "nonsense", token_for(alert.pk, "other")):
        url = f"/places/alerts/{purpose}/{token}/"
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    with time_machine.travel(timezone.now() + dt.timedelta(days=500)):
        assert client.post(f"/places/alerts/{purpose}/{signed}/").status_code == 404

    assert Alert.objects.get(pk=alert.pk).confirmed_at is None


# ---------------------------------------------------------------------------- sending


def test_an_alert_tells_of_a_new_place_once(council, world):
    alert = AlertFactory(search="need=ASD")
    ShortNoticePlaceFactory(service=world.services.swimming)  # no autism support: not told
    place = ShortNoticePlaceFactory(service=world.services.saturday_club)

    send()
    send()

    [message] = mail.outbox
    assert message.to == [alert.email]
    assert "Rainbow Saturday Club" in message.body
    assert "Splash Swimming" not in message.body
    assert SentAlert.objects.get().place == place
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<http://testserver/places/alerts/stop/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_an_alert_tells_of_a_new_service_that_fits(council, world):
    AlertFactory(search="locality=home")
    ServiceFactory(name="New Home Club", localities=[world.localities.home])
    ServiceFactory(name="New Far Club", localities=[world.localities.away])

    send()

    [message] = mail.outbox
    assert "New Home Club" in message.body
    assert "New Far Club" not in message.body
    assert "Rainbow Saturday Club" not in message.body  # not new since the confirmation


def test_nothing_is_sent_before_confirmation_or_about_what_was_there_before(council, world):
    ShortNoticePlaceFactory(service=world.services.saturday_club)
    AlertFactory(confirmed_at=None, renewed_at=None, last_sent_at=None)
    AlertFactory(confirmed_at=timezone.now() + dt.timedelta(seconds=1))

    send()

    assert not mail.outbox


def test_a_daily_alert_sends_one_digest_a_day(council, world):
    AlertFactory(frequency="daily", last_sent_at=timezone.now() - dt.timedelta(days=1))
    ShortNoticePlaceFactory(service=world.services.saturday_club)
    ShortNoticePlaceFactory(service=world.services.swimming)

    send()
    ShortNoticePlaceFactory(
        service=world.services.sitter,
        starts_on=timezone.localdate() + dt.timedelta(days=3),
        offered_until=timezone.now() + dt.timedelta(days=2),
    )
    send()  # the same day: nothing

    [digest] = mail.outbox
    assert digest.subject.startswith("2 new places")
    with time_machine.travel(timezone.now() + dt.timedelta(days=1)):
        send()
    assert len(mail.outbox) == 2
    assert "Home Sitters" in mail.outbox[1].body
    assert "Rainbow Saturday Club" not in mail.outbox[1].body


def test_one_click_unsubscribe_deletes_the_alert_and_all_it_kept(client, council, world):
    AlertFactory()
    ShortNoticePlaceFactory(service=world.services.saturday_club)
    send()
    stop = link_in(mail.outbox[0], "stop")

    # A mail client's one-click POST (RFC 8058): no CSRF token, no cookie.
    client.handler.enforce_csrf_checks = True
    response = client.post(stop, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert not Alert.objects.exists()
    assert not SentAlert.objects.exists()


def test_renewing_keeps_an_alert_another_year(client, council, world):
    alert = AlertFactory(confirmed_at=timezone.now() - dt.timedelta(days=300))
    alert.renewed_at = alert.confirmed_at
    alert.save()
    ShortNoticePlaceFactory(service=world.services.saturday_club)
    send()
    renew = link_in(mail.outbox[0], "renew")

    client.post(renew)

    with time_machine.travel(timezone.now() + dt.timedelta(days=100)):
        assert alerts_tidy() == (0, 0)
    assert Alert.objects.filter(pk=alert.pk).exists()


def test_unconfirmed_requests_go_after_7_days_and_alerts_lapse_after_12_months(council, world):
    now = timezone.now()
    with time_machine.travel(now - dt.timedelta(days=8)):
        AlertFactory(confirmed_at=None, renewed_at=None, last_sent_at=None)
    with time_machine.travel(now - dt.timedelta(days=6)):
        recent = AlertFactory(confirmed_at=None, renewed_at=None, last_sent_at=None)
    AlertFactory(renewed_at=now - dt.timedelta(days=366))
    kept = AlertFactory(renewed_at=now - dt.timedelta(days=300))

    call_command("tidy_place_alerts", verbosity=0)

    assert set(Alert.objects.all()) == {recent, kept}


def test_a_lapsed_alert_is_not_sent(council, world):
    AlertFactory(renewed_at=timezone.now() - dt.timedelta(days=366))
    ShortNoticePlaceFactory(service=world.services.saturday_club)

    send()

    assert not mail.outbox


def test_an_email_lists_the_soonest_places_and_counts_the_rest(council, world):
    AlertFactory(search="age=9&need=ASD")
    for day in range(1, 13):
        ShortNoticePlaceFactory(
            service=world.services.saturday_club,
            starts_on=timezone.localdate() + dt.timedelta(days=day),
            offered_until=timezone.now() + dt.timedelta(days=day - 1, hours=20),
        )

    send()

    [message] = mail.outbox
    assert message.subject.startswith("12 new places")
    assert message.body.count("Rainbow Saturday Club") == 10
    assert "And 2 more places that fit your search: http://testserver/places/?age=9&need=ASD" in (
        message.body
    )
    assert SentAlert.objects.count() == 12  # told of all, once
