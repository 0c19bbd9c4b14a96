"""A personal assistant applies: one thing per page, check your answers, and nothing public
until an officer approves. Bad answers are errors on their page, with nothing written."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from directory.personal_assistants.journey import STEPS
from directory.personal_assistants.models import PersonalAssistant
from directory.personal_assistants.views.application import SESSION_KEY


def step_url(name):
    return reverse("personal_assistants:apply-question", args=[name])


def answers(today: dt.date) -> dict[str, dict]:
    issued = today - dt.timedelta(days=100)
    return {
        "name": {"first_name": "Ada", "last_name": "Applicant"},
        "contact": {"email": "ada.applicant@example.com", "phone": "07700 900444"},
        "postcode": {"postcode": "dt1 1xj"},
        "travel": {"travel_miles": "10"},
        "ages": {"age_bands": ["5-11"]},
        "needs": {"needs": ["ASD"]},
        "offers": {"offers": ["personal_care", "activities"]},
        "availability": {"days": ["saturday"], "times": ["weekends"]},
        "rate": {"hourly_rate": "13.50"},
        "about": {"description": "I love art and the outdoors."},
        "experience": {"experience": "Three years at a special school."},
        "dbs": {
            "dbs_certificate_number": "0012 3456 7890",
            "dbs_issued_on_0": str(issued.day),
            "dbs_issued_on_1": str(issued.month),
            "dbs_issued_on_2": str(issued.year),
            "dbs_update_service": "yes",
        },
        "training": {"training": "Paediatric first aid, 2025."},
        "referees": {
            "referee_1_name": "Rita Ref",
            "referee_1_contact": "rita@example.com",
            "referee_2_name": "Rob Ref",
            "referee_2_contact": "01632 960 321",
        },
        "consent": {"consent": "on"},
    }


def walk(client, today, upto=None):
    for step in STEPS:
        if step.name == upto:
            return
        response = client.post(step_url(step.name), answers(today)[step.name])
        assert response.status_code == 302, (step.name, response.content.decode()[:3000])


def test_a_pa_applies_page_by_page_and_waits_for_an_officer(client, register):
    walk(client, register.today)

    check = client.get(reverse("personal_assistants:apply-check"))
    page = check.content.decode()
    assert "Ada Applicant" in page and "Autism" in page and "£13.50 an hour" in page
    response = client.post(reverse("personal_assistants:apply-check"))

    assert response["Location"] == reverse("personal_assistants:apply-sent")
    pa = PersonalAssistant.objects.get(email="ada.applicant@example.com")
    assert pa.status == "pending"
    assert pa.locality == register.localities.home
    assert pa.dbs_certificate_number == "001234567890"
    assert [need.code for need in pa.needs.all()] == ["ASD"]
    assert pa.offers == ["personal_care", "activities"]
    assert pa.consented_at is not None
    assert SESSION_KEY not in client.session
    assert mail.outbox[0].to == ["ada.applicant@example.com"]
    assert pa.history.exists()
    search = client.get(reverse("personal_assistants:search")).content.decode()
    assert "Ada A" not in search


def test_nobody_skips_ahead(client, register):
    response = client.get(step_url("dbs"))

    assert response["Location"] == reverse("personal_assistants:apply")
    walk(client, register.today, upto="postcode")
    assert client.get(step_url("dbs"))["Location"] == step_url("postcode")
    assert client.get(reverse("personal_assistants:apply-check"))["Location"] == step_url(
        "postcode"
    )


def test_changing_an_answer_returns_to_check_your_answers(client, register):
    walk(client, register.today)

    response = client.post(f"{step_url('rate')}?change=1", {"hourly_rate": ""})

    assert response["Location"] == reverse("personal_assistants:apply-check")
    assert "To discuss" in client.get(response["Location"]).content.decode()


def _dbs(today, issued, **extra):
    return (
        answers(today)["dbs"]
        | {
            "dbs_issued_on_0": str(issued.day),
            "dbs_issued_on_1": str(issued.month),
            "dbs_issued_on_2": str(issued.year),
        }
        | extra
    )


@pytest.mark.parametrize(
    ("step", "form", "error"),
    [
        ("postcode", lambda t: {"postcode": "ZZ99 9ZZ"}, "We do not know that postcode"),
        ("postcode", lambda t: {"postcode": "DT1"}, "We do not know that postcode"),
        ("postcode", lambda t: {"postcode": "<script>"}, "Enter a real postcode"),
        ("contact", lambda t: {"email": "nope", "phone": "07700 900444"}, "correct format"),
        (
            "dbs",
            lambda t: _dbs(t, t + dt.timedelta(days=1)),
            "must be today or in the past",
        ),
        ("dbs", lambda t: _dbs(t, t - dt.timedelta(days=365 * 3 + 2)), "less than 3 years old"),
        ("dbs", lambda t: _dbs(t, t, dbs_issued_on_1="13"), "must be a real date"),
        ("dbs", lambda t: _dbs(t, t, dbs_certificate_number="12345"), "12-digit"),
        (
            "about",
            lambda t: {"description": "Call me on 07700 900 555"},
            "Remove the email address, phone number or web address",
        ),
        (
            "about",
            lambda t: {"description": "Mail me at me@example.com"},
            "Remove the email address, phone number or web address",
        ),
        ("ages", lambda t: {"age_bands": ["99-100"]}, "Select at least one age group from"),
        ("rate", lambda t: {"hourly_rate": "NaN"}, "Enter your hourly rate as a number"),
        ("rate", lambda t: {"hourly_rate": "1e309"}, "Enter an hourly rate of £200 or less"),
        ("rate", lambda t: {"hourly_rate": "9999"}, "Enter an hourly rate of £200 or less"),
        ("consent", lambda t: {}, "Agree to the privacy notice"),
    ],
)
def test_bad_answers_are_errors_on_their_page_with_nothing_kept(
    client, register, step, form, error
):
    walk(client, register.today, upto=step)
    before = dict(client.session[SESSION_KEY]) if SESSION_KEY in client.session else {}

    response = client.post(step_url(step), form(register.today))

    assert response.status_code == 200
    page = response.content.decode()
    assert error in page.replace("&#x27;", "'")
    assert "<title>Error: " in page
    assert step not in (client.session.get(SESSION_KEY) or {}) or before.get(step)
    assert not PersonalAssistant.objects.filter(email="ada.applicant@example.com").exists()


def test_the_council_s_dbs_limit_decides_how_old_a_certificate_may_be(client, register):
    register.council.pa_dbs_valid_years = 1
    register.council.save()
    walk(client, register.today, upto="dbs")

    response = client.post(
        step_url("dbs"), _dbs(register.today, register.today - dt.timedelta(days=400))
    )

    assert "less than 1 year old" in response.content.decode()


def test_an_unknown_page_is_not_found(client, register):
    assert client.get(step_url("favourite-colour")).status_code == 404
