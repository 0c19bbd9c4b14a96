"""South Wessex's short-notice places: a few cancellations and spare beds in the coming days,
and some from the past weeks, taken or unused, for the Places now report. Seeding again puts
them back as they were, dated from today."""

import datetime as dt
import uuid

from django.utils import timezone

from directory.short_notice.models import ClaimBy, PlaceStatus, ShortNoticePlace

NAMESPACE = uuid.UUID("0b6f3c7e-55a1-4f1e-8d4e-6a0c4b8e2f17")

# (days from today, days long, start, end, places, status, how to claim, note)
PLACES = [
    (1, 0, "10:00", "14:00", 2, PlaceStatus.OPEN, ClaimBy.FIRST_TO_CALL, "A cancellation."),
    (3, 2, "16:00", "10:00", 1, PlaceStatus.OPEN, ClaimBy.PHONE, "A spare bed for two nights."),
    (5, 0, "09:30", "15:30", 3, PlaceStatus.OPEN, ClaimBy.EMAIL, ""),
    (9, 0, "18:00", "21:00", 1, PlaceStatus.OPEN, ClaimBy.FIRST_TO_CALL, ""),
    (12, 0, "10:00", "16:00", 2, PlaceStatus.OPEN, ClaimBy.PHONE, "Lunch included."),
    (-6, 0, "10:00", "14:00", 2, PlaceStatus.TAKEN, ClaimBy.FIRST_TO_CALL, ""),
    (-9, 1, "16:00", "10:00", 1, PlaceStatus.OPEN, ClaimBy.PHONE, ""),  # went unused
    (-20, 0, "09:30", "15:30", 4, PlaceStatus.WITHDRAWN, ClaimBy.EMAIL, ""),
]


def seed_places_now(services) -> list[ShortNoticePlace]:
    """Places on the first published services that have a kind of break, replacing the
    demo's earlier ones."""
    live = [service for service in services if service.status == "published"]
    ShortNoticePlace.objects.filter(service__in=live).delete()
    now, today = timezone.now(), timezone.localdate()
    made = []
    chosen = [service for service in live if service.kinds.exists()][: len(PLACES)]
    for number, (service, row) in enumerate(zip(chosen, PLACES, strict=False)):
        days, length, start, end, places, status, claim_by, note = row
        starts_on = today + dt.timedelta(days=days)
        offered_until = timezone.make_aware(
            dt.datetime.combine(starts_on - dt.timedelta(days=1), dt.time(17))
        )
        place = ShortNoticePlace.objects.create(
            id=uuid.uuid5(NAMESPACE, f"place-{number}"),
            service=service,
            kind=service.kinds.order_by("position", "name").first(),
            starts_on=starts_on,
            ends_on=starts_on + dt.timedelta(days=length) if length else None,
            start_time=dt.time.fromisoformat(start),
            end_time=dt.time.fromisoformat(end),
            places=places,
            claim_by=claim_by,
            claim_phone=service.contact_phone or service.provider.phone or "01632 960 000",
            claim_email=service.contact_email or service.provider.email,
            notes=note,
            offered_until=max(offered_until, now + dt.timedelta(hours=6))
            if days > 0
            else offered_until,
            status=status,
            closed_at=now if status != PlaceStatus.OPEN else None,
        )
        made.append(place)
    return made
