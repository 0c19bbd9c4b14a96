"""Writing the register: applying, the officers' decision, confirming, updating, withdrawing,
the schedule's reminders and lapses, and a family's message. Each is atomic and validates
before it saves; each email goes through Django's mail API."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, send_mail
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from . import links, rules
from .models import ContactTally, PersonalAssistant, Status

LIVE = (Status.PENDING, Status.APPROVED, Status.LAPSED)


def _email(pa: PersonalAssistant, template: str, subject: str, **context) -> None:
    body = render_to_string(f"personal_assistants/email/{template}.txt", {"pa": pa, **context})
    send_mail(subject, body, None, [pa.email])


def pa_apply(*, fields: dict, needs, age_bands) -> PersonalAssistant:
    """A new application, waiting for an officer's checks; the PA is told it arrived."""
    with transaction.atomic():
        pa = PersonalAssistant(status=Status.PENDING, consented_at=timezone.now(), **fields)
        pa.full_clean()
        pa.save()
        pa.needs.set(needs)
        pa.age_bands.set(age_bands)
    _email(pa, "applied", "We have your application to the personal assistants register")
    return pa


def pa_approve(*, pa: PersonalAssistant, by, today: dt.date, dbs_valid_years: int, reason=""):
    """Put a PA on the register: only with every check done and a DBS certificate within the
    council's limit. Approval counts as their first confirmation."""
    problems = []
    if not pa.checklist_done:
        problems.append("Tick identity seen, DBS certificate seen and references taken first")
    if pa.dbs_issued_on is None:
        problems.append("Enter the date on the DBS certificate")
    else:
        problem = rules.dbs_date_problem(pa.dbs_issued_on, today=today, valid_years=dbs_valid_years)
        if problem:
            problems.append(f"The DBS certificate: {problem.lower()}")
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        pa.status = Status.APPROVED
        pa.verified_on = pa.confirmed_on = today
        pa.decision_reason = reason
        pa._history_user = by
        pa.full_clean()
        pa.save()
    _email(pa, "approved", "You are on the personal assistants register")
    return pa


def pa_refuse(*, pa: PersonalAssistant, by, reason: str):
    """Refuse an application (or take a PA off the register), telling them why."""
    if not reason.strip():
        raise ValidationError("Enter the reason, which is emailed to the personal assistant")
    with transaction.atomic():
        pa.status = Status.REFUSED
        pa.decision_reason = reason.strip()
        pa._history_user = by
        pa.full_clean()
        pa.save()
    _email(pa, "refused", "Your application to the personal assistants register", reason=reason)
    return pa


def pa_confirm(*, pa: PersonalAssistant, today: dt.date) -> PersonalAssistant:
    """The PA confirms they are still available: the 6 months start again, and a lapsed
    profile comes back."""
    if pa.status not in (Status.APPROVED, Status.LAPSED):
        raise ValidationError("This profile is not on the register")
    with transaction.atomic():
        pa.status = Status.APPROVED
        pa.confirmed_on = today
        pa.full_clean()
        pa.save()
    return pa


def pa_update(*, form) -> PersonalAssistant:
    """Save the PA's own changes to their profile (a bound, valid ProfileForm)."""
    with transaction.atomic():
        pa = form.save(commit=False)
        pa.full_clean()
        pa.save()
        form.save_m2m()
    return pa


def pa_withdraw(*, pa: PersonalAssistant) -> None:
    """Take a PA off the register and delete their personal data, history included. What is
    left (the area, ages, needs and offers, and that a profile existed) identifies nobody and
    keeps the reports whole."""
    if pa.status == Status.WITHDRAWN:
        return
    # Who to tell, kept only in memory: the data goes first, whatever happens to the email.
    farewell = PersonalAssistant(first_name=pa.first_name, email=pa.email)
    with transaction.atomic():
        pa.history.all().delete()
        blank = {
            "first_name": "",
            "last_name": "",
            "email": "",
            "phone": "",
            "postcode": "",
            "latitude": None,
            "longitude": None,
            "referee_1_name": "",
            "referee_1_contact": "",
            "referee_2_name": "",
            "referee_2_contact": "",
            "dbs_certificate_number": "",
            "description": "",
            "experience": "",
            "training": "",
            "hourly_rate": None,
            "decision_reason": "",
        }
        PersonalAssistant.objects.filter(pk=pa.pk).update(status=Status.WITHDRAWN, **blank)
    _email(farewell, "withdrawn", "You have left the personal assistants register")


def manage_link_send(*, email: str) -> int:
    """Email a link to update or withdraw to each current entry with this address; returns how
    many were sent (the page that asks says the same whatever it is)."""
    sent = 0
    for pa in PersonalAssistant.objects.by_email(email):
        _email(pa, "manage", "Update or withdraw your profile", link=links.link(pa.pk, "manage"))
        sent += 1
    return sent


def reminders_send(*, today: dt.date) -> int:
    """Email a link to confirm to each approved PA whose profile lapses within two weeks."""
    sent = 0
    for pa in PersonalAssistant.objects.reminders_due(today):
        _email(
            pa,
            "reminder",
            "Confirm you are still available as a personal assistant",
            link=links.link(pa.pk, "confirm"),
            lapses_on=rules.lapses_on(pa.confirmed_on),
        )
        PersonalAssistant.objects.filter(pk=pa.pk).update(reminded_on=today)
        sent += 1
    return sent


def lapses_apply(*, today: dt.date) -> int:
    """Take off the register every approved PA who has not confirmed for 6 months, telling
    them how to come back."""
    lapsed = 0
    for pa in PersonalAssistant.objects.lapsing(today):
        with transaction.atomic():
            pa.status = Status.LAPSED
            pa.save()
        _email(
            pa,
            "lapsed",
            "Your profile on the personal assistants register has lapsed",
            link=links.link(pa.pk, "confirm"),
        )
        lapsed += 1
    return lapsed


def contact_send(
    *, pa: PersonalAssistant, name: str, email: str, phone: str, message: str, need, today
) -> None:
    """Email a family's message to the PA, replying to the family, then count it by month,
    the PA's area and the need the family named. Nothing else of it is kept."""
    body = render_to_string(
        "personal_assistants/email/contact.txt",
        {"pa": pa, "name": name, "email": email, "phone": phone, "message": message},
    )
    EmailMessage(
        "A family would like to talk to you",
        body,
        None,
        [pa.email],
        reply_to=[email],
    ).send()
    with transaction.atomic():
        month = today.replace(day=1)
        tally, _ = ContactTally.objects.select_for_update().get_or_create(
            month=month, locality_id=pa.locality_id, need=need
        )
        ContactTally.objects.filter(pk=tally.pk).update(count=F("count") + 1)
