"""Writing places and alerts: keyword-only, atomic, validated before they save."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from ..models import Service
from .models import Alert, ClaimBy, PlaceStatus, ShortNoticePlace

FURTHEST_AHEAD_DAYS = 90
LONGEST_STAY_DAYS = 28


def place_problems(place: ShortNoticePlace, needs, *, now: dt.datetime) -> dict[str, str]:
    """What is wrong with a place, field by field, in GOV.UK words: none for a good one.
    `needs`: the needs it says it supports."""
    problems = {}
    today = timezone.localdate(now)
    if place.starts_on is not None:
        if place._state.adding and place.starts_on < today:
            problems["starts_on"] = "The date must be today or in the future"
        elif place.starts_on > today + dt.timedelta(days=FURTHEST_AHEAD_DAYS):
            problems["starts_on"] = (
                f"Post a short-notice place no more than {FURTHEST_AHEAD_DAYS} days ahead"
            )
        if place.ends_on is not None and place.ends_on < place.starts_on:
            problems["ends_on"] = "The last day must be the same as or after the date"
        elif place.ends_on and place.ends_on > place.starts_on + dt.timedelta(LONGEST_STAY_DAYS):
            problems["ends_on"] = f"A stay can be {LONGEST_STAY_DAYS} days long at most"
    if place.offered_until is not None:
        if place._state.adding and place.offered_until <= now:
            problems["offered_until"] = "The offer must end in the future"
        elif place.starts_on and timezone.localdate(place.offered_until) > place.last_day:
            problems["offered_until"] = "The offer must end by the place's last day"
    if place.claim_by == ClaimBy.PHONE and not place.claim_phone:
        problems["claim_phone"] = "Enter the phone number families call to claim the place"
    if place.claim_by == ClaimBy.EMAIL and not place.claim_email:
        problems["claim_email"] = "Enter the email address families write to to claim it"
    if place.claim_by == ClaimBy.FIRST_TO_CALL and not (place.claim_phone or place.claim_email):
        problems["claim_phone"] = "Enter a phone number or an email address to claim it by"
    if place.service_id is not None:
        problems |= _outside_the_service(place, needs)
    return problems


def _outside_the_service(place, needs) -> dict[str, str]:
    """A place suits no one the service does not: its ages, needs and kind are the service's."""
    problems = {}
    service = place.service
    youngest = service.min_age if place.min_age is None else place.min_age
    oldest = service.max_age if place.max_age is None else place.max_age
    if youngest < service.min_age or oldest > service.max_age:
        problems["min_age"] = (
            f"The ages must be within the service's, {service.min_age} to {service.max_age}"
        )
    elif youngest > oldest:
        problems["max_age"] = "The oldest age must not be below the youngest age"
    if place.kind_id is not None and not service.kinds.filter(pk=place.kind_id).exists():
        problems["kind"] = "Select one of the service's kinds of break"
    outside = {need.pk for need in needs} - set(service.needs.values_list("pk", flat=True))
    if outside:
        problems["needs"] = "Select only needs the service supports"
    return problems


def _check(place: ShortNoticePlace, needs, now) -> None:
    place.full_clean()
    problems = place_problems(place, needs, now=now)
    if problems:
        raise ValidationError(problems)


def _may_post(by, service) -> None:
    if not Service.objects.visible_to(by).filter(pk=service.pk, status="published").exists():
        raise PermissionDenied("You can post places only on your organisation's live services.")


@transaction.atomic
def place_save(*, place: ShortNoticePlace, needs, by, now: dt.datetime | None = None):
    """Post a new place, or save changes to one, for someone who may post on its service (a
    provider user on its own organisation's published services; an editor on any)."""
    now = now or timezone.now()
    _may_post(by, place.service)
    if place._state.adding:
        place.posted_by = by
        place.status = PlaceStatus.OPEN
    _check(place, needs, now)
    place.save()
    place.needs.set(needs)
    return place


def _close(place: ShortNoticePlace, status: str, by, now) -> bool:
    if not ShortNoticePlace.objects.visible_to(by).filter(pk=place.pk).exists():
        raise PermissionDenied("That place is not one of your organisation's.")
    closed = ShortNoticePlace.objects.filter(pk=place.pk, status=PlaceStatus.OPEN).update(
        status=status, closed_by=by, closed_at=now or timezone.now(), changed_at=timezone.now()
    )
    place.refresh_from_db()
    return bool(closed)


@transaction.atomic
def place_mark_taken(*, place: ShortNoticePlace, by, now: dt.datetime | None = None) -> bool:
    """A family has the place: it leaves the families' pages at once. False if it was not
    offered (already taken or withdrawn)."""
    return _close(place, PlaceStatus.TAKEN, by, now)


@transaction.atomic
def place_withdraw(*, place: ShortNoticePlace, by, now: dt.datetime | None = None) -> bool:
    """The place is no longer offered (by its provider, or an editor): it leaves the pages."""
    return _close(place, PlaceStatus.WITHDRAWN, by, now)


# ---------------------------------------------------------------------------- alerts


@transaction.atomic
def alert_request(*, email: str, search: str, frequency: str) -> Alert:
    """A family asks for alerts; nothing is sent to them until they confirm by the link."""
    alert = Alert(email=email, search=search, frequency=frequency)
    alert.full_clean()
    alert.save()
    return alert


@transaction.atomic
def alert_confirm(*, alert: Alert, now: dt.datetime | None = None) -> Alert:
    """The family confirmed: alerts start, and the 12 months before it lapses."""
    now = now or timezone.now()
    if alert.confirmed_at is None:
        alert.confirmed_at = now
        # What was new before they asked is not news: alerts start from the confirmation.
        alert.last_sent_at = now
    alert.renewed_at = now
    alert.save(update_fields=["confirmed_at", "renewed_at", "last_sent_at"])
    return alert


@transaction.atomic
def alert_renew(*, alert: Alert, now: dt.datetime | None = None) -> Alert:
    """Another 12 months, from now."""
    alert.renewed_at = now or timezone.now()
    alert.save(update_fields=["renewed_at"])
    return alert


@transaction.atomic
def alert_delete(*, alert: Alert) -> None:
    """Unsubscribe: the address, the search and the record of what was sent go."""
    alert.delete()


@transaction.atomic
def alerts_tidy(*, now: dt.datetime | None = None) -> tuple[int, int]:
    """Delete requests never confirmed within 7 days and alerts not renewed within 12 months:
    how many of each."""
    now = now or timezone.now()
    unconfirmed = Alert.objects.unconfirmed_since(now)
    lapsed = Alert.objects.lapsed(now)
    counts = unconfirmed.count(), lapsed.count()
    unconfirmed.delete()
    lapsed.delete()
    return counts
