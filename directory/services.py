"""Writing to the directory: each function one step, atomic, validated before it saves."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Prefetch, Subquery

from .listings import TERM_LISTS, listing_values
from .models import (
    DERIVED_FIELDS,
    SERVICE_HISTORY,
    AccessibilityFeature,
    Postcode,
    ProblemReport,
    Service,
    ServiceLocation,
    Session,
    Venue,
)
from .postcodes import parse_postcode
from .search import search_document
from .tasks import problem_report_notify
from .timings import SessionTime, timing_columns, timings_of


def mask_of(terms) -> int:
    """The bits of the taxonomy terms, combined: how a service stores its needs, kinds..."""
    mask = 0
    for term in terms:
        mask |= 1 << term.bit
    return mask


_BATCH = 500


def _derive(service: Service) -> None:
    """Set a service's derived columns from its prefetched sessions, kinds and text."""
    kinds = list(service.kinds.all())
    timings = timings_of(
        (
            SessionTime(s.weekday, s.start_time, s.end_time, s.period)
            for s in service.sessions.all()
        ),
        overnight_kind=any(kind.is_overnight for kind in kinds),
    )
    for field, value in timing_columns(timings).items():
        setattr(service, field, value)
    venues = list(service.venues.all())
    needs, localities = list(service.needs.all()), list(service.localities.all())
    service.has_venue = bool(venues)
    service.needs_mask = mask_of(needs)
    service.kinds_mask = mask_of(kinds)
    service.localities_mask = mask_of(localities)
    service.features_mask = mask_of(
        f for venue in venues for f in venue.accessibility_features.all()
    )
    service.search_document = search_document(
        service.description,
        service.provider.name,
        " ".join(kind.name for kind in kinds),
        " ".join(need.name for need in needs),
        # Not the areas' names nor the venues' towns: a place is searched as a place
        # (directory.searches), not as words in every service whose area's name has it.
        " ".join(venue.name for venue in venues),
        service.timing_notes,
        service.cost_description,
    )


def _with_derivation_data(queryset):
    return queryset.select_related("provider").prefetch_related(
        "kinds",
        "needs",
        "localities",
        Prefetch("sessions", queryset=Session.objects.order_by()),
        Prefetch(
            "venues",
            queryset=Venue.objects.only("id", "name", "town").prefetch_related(
                "accessibility_features"
            ),
        ),
    )


def _copy_venue_positions(service_ids: list) -> None:
    """Give each of the services' venue links its venue's position (see ServiceLocation)."""
    venue = Venue.objects.filter(pk=OuterRef("venue_id"))
    ServiceLocation.objects.filter(service_id__in=service_ids).update(
        latitude=Subquery(venue.values("latitude")[:1]),
        longitude=Subquery(venue.values("longitude")[:1]),
    )


def services_refresh_derived_fields(*, service_ids: Iterable) -> int:
    """Recompute the days, times of week and search text of the services from their sessions,
    kinds of break, taxonomies and venues. Call after any change to those. Returns how many."""
    service_ids = list(service_ids)
    with transaction.atomic():
        for start in range(0, len(service_ids), _BATCH):
            batch = list(
                _with_derivation_data(
                    Service.objects.filter(pk__in=service_ids[start : start + _BATCH])
                )
            )
            for service in batch:
                _derive(service)
            Service.objects.bulk_update(batch, DERIVED_FIELDS)
            _copy_venue_positions([service.pk for service in batch])
    return len(service_ids)


def service_refresh_derived_fields(*, service: Service) -> None:
    """Recompute one service's derived columns (see services_refresh_derived_fields)."""
    services_refresh_derived_fields(service_ids=[service.pk])
    service.refresh_from_db(fields=DERIVED_FIELDS)


def venue_fill_position(*, venue: Venue) -> bool:
    """Give a venue without a position its postcode's (or failing that its district's) position.
    Returns whether the venue has a position now. Does not save."""
    if venue.latitude is not None and venue.longitude is not None:
        return True
    parsed = parse_postcode(venue.postcode)
    if parsed is None:
        return False
    venue.postcode = parsed.text
    found = Postcode.objects.locate(parsed)
    if found is None:
        return False
    venue.latitude, venue.longitude, _ = found
    return True


def problem_report_create(
    *, service: Service, kind: str, details: str, email: str = ""
) -> ProblemReport:
    """Record what a member of the public says is wrong with a published service's page."""
    report = ProblemReport(service=service, kind=kind, details=details.strip(), email=email.strip())
    report.full_clean()
    with transaction.atomic():
        report.save()
        # Emailed by the task queue once saved, so that a slow mail server never slows the page.
        transaction.on_commit(lambda: problem_report_notify.enqueue(str(report.pk)))
    return report


def venue_save(*, venue: Venue) -> Venue:
    """Save a venue (giving it its postcode's position if it has none) and refresh the services
    held there, whose search text and accessibility features come partly from it."""
    venue_fill_position(venue=venue)
    venue.full_clean()
    with transaction.atomic():
        venue.save()
        services_refresh_derived_fields(
            service_ids=list(venue.service_locations.values_list("service_id", flat=True))
        )
    return venue


def taxonomy_term_services(term) -> list:
    """The ids of the services that use a need, kind of break, locality or feature."""
    if isinstance(term, AccessibilityFeature):
        return list(
            Service.objects.filter(venues__accessibility_features=term)
            .values_list("pk", flat=True)
            .distinct()
        )
    return list(term.services.values_list("pk", flat=True))


def taxonomy_term_save(*, term) -> None:
    """Save a term of one of the council's lists and refresh the services that use it."""
    term.full_clean()
    with transaction.atomic():
        term.save()
        services_refresh_derived_fields(service_ids=taxonomy_term_services(term))


def taxonomy_term_delete(*, term) -> None:
    """Delete a term from one of the council's lists; the services that used it lose it."""
    with transaction.atomic():
        service_ids = taxonomy_term_services(term)
        term.delete()
        services_refresh_derived_fields(service_ids=service_ids)


def problem_reports_delete_resolved(*, before) -> int:
    """Delete problem reports resolved before the given time (the privacy notice promises
    12 months). Returns how many were deleted."""
    with transaction.atomic():
        deleted, _ = ProblemReport.objects.filter(
            state=ProblemReport.State.RESOLVED, updated_at__lt=before
        ).delete()
    return deleted


def services_mark_checked(*, services, by, on) -> int:
    """Record that an officer checked these listings with their providers on the day: each is
    saved, so each gets a version naming who checked it."""
    count = 0
    with transaction.atomic():
        for service in Service.objects.filter(pk__in=list(services.values_list("pk", flat=True))):
            service.last_checked_on, service.last_checked_by = on, by
            service._history_user, service._change_reason = by, "Marked as checked"
            service.save(update_fields=["last_checked_on", "last_checked_by"])
            count += 1
    return count


def service_version_record(*, service: Service, created: bool = False) -> None:
    """Keep a version of the service as it is now, lists, venues and sessions included. For
    changes made in steps (the admin form and its inlines), saved with history skipped."""
    SERVICE_HISTORY.create_historical_record(service, "+" if created else "~")


def listing_apply(*, service: Service, listing: dict) -> Service:
    """Make the service say what the listing says: its fields, lists, venues and sessions.
    Terms or venues deleted since the listing was taken are left out. Raises ValidationError,
    having written nothing, if the result is not a valid service."""
    for name, value in listing_values(listing).items():
        setattr(service, name, value)
    service.full_clean(exclude=["provider"])
    terms = {
        name: list(model.objects.filter(pk__in=listing.get(name, [])))
        for name, model in TERM_LISTS.items()
    }
    for name in ("kinds", "localities"):
        if not terms[name]:
            label = Service._meta.get_field(name).verbose_name
            raise ValidationError({name: f"A listing needs at least one of its {label}."})
    with transaction.atomic():
        service.skip_history_when_saving = True
        service.save()
        for name, found in terms.items():
            getattr(service, name).set(found)
        venue_ids = set(
            Venue.objects.filter(pk__in=listing.get("venues", [])).values_list("pk", flat=True)
        )
        service.locations.exclude(venue_id__in=venue_ids).delete()
        kept = set(service.locations.values_list("venue_id", flat=True))
        for venue_id in venue_ids - kept:
            ServiceLocation.objects.create(service=service, venue_id=venue_id)
        service.sessions.all().delete()
        for row in listing.get("sessions", []):
            session = Session(service=service, **row)
            session.full_clean(exclude=["service"])
            session.save()
        service_refresh_derived_fields(service=service)
        del service.skip_history_when_saving
        service_version_record(service=service)
    return service
