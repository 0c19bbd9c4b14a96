"""Deleting archives: a provider, venue or service deleted in the back office is gone from the
public directory, the search index (its triggers see the delete), open data and spreadsheets,
but its versions stay (django-simple-history keeps one for the delete itself, naming who
deleted it). From them the council's officers list what was deleted and restore it as it was
just before; only a commissioner deletes one for good, which forgets its versions too.

What is restored: a record's own fields; a venue's accessibility features and the listings it
was a venue of; a service's whole listing (lists, venues and sessions); a provider's venues
deleted with it. Not restored: what was deleted with the record and is not versioned (a
service's proposed changes and review reminders, a provider's sign-ins)."""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from . import services
from .history import version_snapshot
from .models import Provider, Service, ServiceLocation, Venue

ARCHIVED = (Provider, Venue, Service)
RESTORED = "Restored after being deleted"
# A provider's venues are deleted with it, each a moment apart.
WITH_IT = dt.timedelta(seconds=10)
LISTED_AT_MOST = 500  # deletions a list shows, the newest


def is_archived(model) -> bool:
    """Whether a deleted record of the model is kept to be restored."""
    return model in ARCHIVED


@dataclass(frozen=True)
class Deleted:
    """A deleted record: its deletion (a version: who and when) and the version it was just
    before it, which a restore brings back."""

    deletion: object
    last: object

    @property
    def pk(self):
        return self.deletion.id

    @property
    def name(self) -> str:
        return str(self.last.instance)


def deleted_records(model, *, visible=None) -> list[Deleted]:
    """The model's records deleted and not restored, newest first (LISTED_AT_MOST). `visible`,
    a queryset of providers, keeps only their records (for a provider user)."""
    deletions = model.history.filter(history_type="-").exclude(
        id__in=model._default_manager.values("pk")
    )
    if visible is not None:
        field = "id" if model is Provider else "provider_id"
        deletions = deletions.filter(**{f"{field}__in": visible.values("pk")})
    found, seen = [], set()
    for deletion in deletions.select_related("history_user").order_by("-history_date")[
        :LISTED_AT_MOST
    ]:
        if deletion.id not in seen:
            seen.add(deletion.id)
            found.append(deletion)
    lasts = {}
    versions = model.history.filter(id__in=seen).exclude(history_type="-")
    for version in versions.order_by("history_date", "history_id"):
        lasts.setdefault(version.id, []).append(version)
    return [Deleted(deletion, _last_of(lasts.get(deletion.id, []), deletion)) for deletion in found]


def _last_of(versions: list, deletion):
    """The newest of a record's versions (oldest first) made before its deletion."""
    before = [version for version in versions if version.history_date <= deletion.history_date]
    return before[-1] if before else deletion


def _before(model, deletion):
    """The version the record was just before its deletion (the deletion itself if none)."""
    return (
        model.history.filter(id=deletion.id, history_date__lte=deletion.history_date)
        .exclude(history_type="-")
        .order_by("-history_date", "-history_id")
        .first()
    ) or deletion


def deleted_record(model, pk) -> Deleted | None:
    """The record deleted under this id, if it is deleted and not restored."""
    if model._default_manager.filter(pk=pk).exists():
        return None
    deletion = (
        model.history.filter(id=pk, history_type="-")
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
        .first()
    )
    return Deleted(deletion, _before(model, deletion)) if deletion is not None else None


def _provider_first(record) -> None:
    if not Provider.objects.filter(pk=record.provider_id).exists():
        raise ValidationError(
            "Its provider was deleted too: restore the provider first, from Deleted providers."
        )


def _restore_service(deleted: Deleted, by) -> Service:
    _provider_first(deleted.last)
    service = deleted.last.instance
    service.revision = 0
    service.skip_history_when_saving = True
    service.save(force_insert=True)
    del service.skip_history_when_saving
    service._history_user, service._change_reason = by, RESTORED
    return services.listing_apply(service=service, listing=version_snapshot(deleted.last))


def _restore_venue(deleted: Deleted, by) -> Venue:
    _provider_first(deleted.last)
    venue = deleted.last.instance
    venue.revision = 0
    venue._history_user, venue._change_reason = by, RESTORED
    venue.skip_history_when_saving = True
    venue.save(force_insert=True)
    venue.accessibility_features.set(version_snapshot(deleted.last)["accessibility_features"])
    service_ids = _listings_at(venue, deleted)
    for service_id in Service.objects.filter(pk__in=service_ids).values_list("pk", flat=True):
        ServiceLocation.objects.get_or_create(service_id=service_id, venue=venue)
    del venue.skip_history_when_saving
    venue.save()  # its version, features and all
    services.services_refresh_derived_fields(service_ids=service_ids)
    return venue


def _listings_at(venue, deleted: Deleted) -> set:
    """The services whose newest version before the venue's deletion listed it."""
    venue_id = str(venue.pk)
    versions = Service.history.filter(history_date__lte=deleted.deletion.history_date).exclude(
        history_type="-"
    )
    candidates = versions.filter(listing__icontains=venue_id).values("id")
    newest = {}
    for version in (
        versions.filter(id__in=candidates)
        .order_by("history_date", "history_id")
        .only("id", "listing")
    ):
        newest[version.id] = version.listing or {}
    return {pk for pk, listing in newest.items() if venue_id in listing.get("venues", [])}


def _restore_provider(deleted: Deleted, by) -> Provider:
    provider = deleted.last.instance
    provider.revision = 0
    provider._history_user, provider._change_reason = by, RESTORED
    provider.full_clean(validate_unique=True)
    provider.save(force_insert=True)
    moment = deleted.deletion.history_date
    with_it = Venue.history.filter(
        provider_id=provider.pk,
        history_type="-",
        history_date__range=(moment - WITH_IT, moment + WITH_IT),
    ).values_list("id", flat=True)
    for venue_id in set(with_it):
        venue = deleted_record(Venue, venue_id)
        if venue is not None:
            _restore_venue(venue, by)
    return provider


def record_restore(*, model, pk, by):
    """Bring a deleted provider, venue or service back as it was just before it was deleted,
    as a new version by `by`. Raises ValidationError, writing nothing, if it cannot come back
    as it was (its provider is deleted too, a list it names is gone, a provider took its name)."""
    deleted = deleted_record(model, pk)
    if deleted is None:
        raise ValidationError("It is not deleted, or was deleted for good.")
    restore = {Service: _restore_service, Venue: _restore_venue, Provider: _restore_provider}
    with transaction.atomic():
        return restore[model](deleted, by)


def record_purge(*, model, pk) -> int:
    """Delete a deleted record for good: its versions go, so it can no longer be restored.
    How many versions went (none if the record is not deleted)."""
    with transaction.atomic():
        if deleted_record(model, pk) is None:
            return 0
        removed, _ = model.history.filter(id=pk).delete()
    return removed
