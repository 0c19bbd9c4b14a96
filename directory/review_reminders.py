"""Reminding providers of their overdue listings: who to write to, what to say, and the log
that stops a second reminder within REMIND_AGAIN_AFTER_DAYS."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse

from .listing_confirmations import LINK_DAYS, link_url
from .models import Council, Provider, ReviewReminder, Service
from .presenters import describe_date
from .reviews import REMIND_AGAIN_AFTER_DAYS, Cycle


@dataclass(frozen=True)
class Reminder:
    provider: Provider
    to: str
    subject: str
    body: str
    listings: list[str]


@dataclass(frozen=True)
class Skipped:
    provider: Provider
    why: str


def reminder_text(
    provider: Provider, services: list[Service], council: Council, link: str, signs_in=True
) -> tuple[str, str]:
    """The subject and body of a reminder: plain words, each listing with when it was last
    checked, and where to update them: the back office for a provider with a sign-in, its
    confirmation link (directory.listing_confirmations) for one without."""
    months = council.review_every_months
    lines = [
        f"Dear {provider.name},",
        "",
        f"{council.name} asks providers to check their short breaks listings every {months} "
        f"months, so that families can trust them. These listings are due to be checked:",
        "",
    ]
    for service in services:
        when = describe_date(service.last_checked_on) or "never"
        lines.append(f"- {service.name} (last checked: {when})")
    if signs_in:
        lines += ["", "Please sign in and check each one, or tell us what has changed:", link, ""]
    else:
        lines += [
            "",
            "Please check each one: you can tell us it is still correct, or what has changed, "
            f"at this address. You do not need an account, and it works for {LINK_DAYS} days:",
            link,
            "",
        ]
    lines += [
        f"If you have a question, reply to this email or contact {council.contact_email or 'us'}.",
        "",
        f"{council.name}",
    ]
    count = len(services)
    subject = f"{count} short breaks listing{'s' if count != 1 else ''} to check"
    return subject, "\n".join(lines)


def due_reminders(today: dt.date) -> tuple[list[Reminder], list[Skipped]]:
    """The reminders to send today, and the providers with overdue listings that get none."""
    council = Council.objects.current()
    cycle = Cycle(today, council.review_every_months)
    recently = dt.datetime.combine(
        today - dt.timedelta(days=REMIND_AGAIN_AFTER_DAYS), dt.time(), tzinfo=dt.UTC
    )
    overdue = (
        Service.objects.published()
        .review_overdue(cycle)
        .select_related("provider")
        .order_by("provider__name", "name")
    )
    by_provider: dict = {}
    for service in overdue:
        by_provider.setdefault(service.provider, []).append(service)
    reminded = set(
        ReviewReminder.objects.filter(sent_at__gte=recently).values_list("provider_id", flat=True)
    )
    with_sign_in = set(
        Provider.objects.filter(pk__in=[p.pk for p in by_provider], users__is_active=True)
        .values_list("pk", flat=True)
        .distinct()
    )
    link = f"{settings.SITE_URL}{reverse('admin:directory_service_changelist')}?review=overdue"
    reminders, skipped = [], []
    for provider, services in by_provider.items():
        if provider.pk in reminded:
            why = f"reminded in the last {REMIND_AGAIN_AFTER_DAYS} days"
            skipped.append(Skipped(provider, why))
        elif not provider.email:
            skipped.append(Skipped(provider, "no email address"))
        else:
            signs_in = provider.pk in with_sign_in
            subject, body = reminder_text(
                provider, services, council, link if signs_in else link_url(provider), signs_in
            )
            names = [service.name for service in services]
            reminders.append(Reminder(provider, provider.email, subject, body, names))
    return reminders, skipped


def reminder_send(reminder: Reminder) -> ReviewReminder:
    """Send one reminder and log it; the log is written only if the email went."""
    with transaction.atomic():
        logged = ReviewReminder.objects.create(
            provider=reminder.provider, sent_to=reminder.to, listings="\n".join(reminder.listings)
        )
        send_mail(reminder.subject, reminder.body, None, [reminder.to])  # raises: no log
    return logged
