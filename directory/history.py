"""Versions of the directory's records, kept by django-simple-history: what each version
holds, what changed from one version to the next, and reverting a record to a version (the
revert is itself a new version).

A service's version holds its whole listing (lists, venues and sessions too), written when
the version is made (`keep_listing`); the admin makes one version per save, after the form's
inlines are saved. Other records' versions hold their own fields and tracked many-to-many
fields (a venue's accessibility features). A History page reads any model's versions through a
VersionFormat: the directory's records', or the Statement's (portal.statement_history)."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from simple_history.utils import get_m2m_reverse_field_name

from . import services
from .listings import listing_of
from .models import Provider, Service, Venue
from .models.synonyms import SynonymGroup
from .models.taxonomies import AgeBand, MaskedTerm
from .versions import Difference, changed_labels, compare, plain, snapshot_fields


def keep_listing(sender, instance, history_instance, **kwargs):
    """pre_create_historical_record: a service's version keeps its listing as it is now."""
    if isinstance(instance, Service):
        history_instance.listing = listing_of(instance)


def _tracked(model) -> list:
    """The fields a version of the model holds, in form order."""
    history_model = model.history.model
    tracked_m2m = {field.name for field in getattr(history_model, "_history_m2m_fields", [])}
    historical = {field.attname for field in history_model._meta.concrete_fields}
    return [
        field
        for field in snapshot_fields(model)
        if (field.name in tracked_m2m if field.many_to_many else field.attname in historical)
    ]


def snapshot_of(obj) -> dict:
    """A record as it is now, in the shape of its versions' snapshots."""
    if isinstance(obj, Service):
        return listing_of(obj)
    snapshot = {}
    for field in _tracked(type(obj)):
        if field.many_to_many:
            ids = getattr(obj, field.name).order_by().values_list("pk", flat=True)
            snapshot[field.name] = sorted(str(pk) for pk in ids)
        else:
            snapshot[field.name] = plain(getattr(obj, field.attname))
    return snapshot


def version_snapshot(record) -> dict:
    """What a version holds, as a snapshot (see directory.versions)."""
    model = record.instance_type
    if model is Service:
        return record.listing or {}
    snapshot = {}
    for field in _tracked(model):
        if field.many_to_many:
            target = get_m2m_reverse_field_name(field)
            rows = getattr(record, field.name).all()
            snapshot[field.name] = sorted(str(getattr(row, f"{target}_id")) for row in rows)
        else:
            snapshot[field.name] = plain(getattr(record, field.attname))
    return snapshot


@dataclass(frozen=True)
class VersionRow:
    record: object
    changed: list[str]  # the labels of the fields this version changed

    @property
    def summary(self) -> str:
        if self.record.history_type == "+":
            return "Created"
        if self.record.history_type == "-":
            return "Deleted"
        return ", ".join(self.changed) if self.changed else "Saved with no changes"


@dataclass(frozen=True)
class VersionFormat:
    """How a model's versions are read and compared on its History page: each version as a
    snapshot, and what differs between two snapshots. `changed` gives just the labels of what
    differs, where that is cheaper than describing both values (it looks up no names)."""

    snapshot: Callable[[Any], dict]
    differences: Callable[[dict | None, dict], list[Difference]]
    changed: Callable[[dict | None, dict], list[str]] | None = None

    def changed_labels(self, before: dict | None, after: dict) -> list[str]:
        if self.changed is None:
            return [difference.label for difference in self.differences(before, after)]
        return self.changed(before, after)


def record_versions(model) -> VersionFormat:
    """How the versions of a directory record (a service, a venue, a list's term...) read."""
    return VersionFormat(
        snapshot=version_snapshot,
        differences=partial(compare, model),
        changed=partial(changed_labels, model),
    )


def version_rows(records: list, versions: VersionFormat | None = None) -> list[VersionRow]:
    """Versions, newest first, each with the labels of what it changed from the one before it;
    read as directory records' unless `versions` says otherwise."""
    if not records:
        return []
    versions = versions or record_versions(records[0].instance_type)
    snapshots = [versions.snapshot(record) for record in records]
    rows = []
    for index, record in enumerate(records):
        before = snapshots[index + 1] if index + 1 < len(records) else None
        labels = versions.changed_labels(before, snapshots[index]) if before is not None else []
        rows.append(VersionRow(record, labels))
    return rows


def revert_differences(obj, record) -> list[Difference]:
    """What reverting the record to the version would change."""
    return compare(type(obj), snapshot_of(obj), version_snapshot(record))


def version_revert(*, obj, record, by):
    """Make the record what the version says, through the same steps as an edit, so that
    searches stay current; the result is a new version by `by`. A service keeps its status and
    review dates: only its listing goes back. Raises ValidationError, writing nothing, if the
    version is no longer valid (a term it names was deleted, say)."""
    snapshot = version_snapshot(record)
    obj._history_user = by
    if isinstance(obj, Service):
        return services.listing_apply(service=obj, listing=snapshot)
    many = {}
    for field in _tracked(type(obj)):
        if field.many_to_many:
            many[field.name] = snapshot[field.name]
        else:
            setattr(obj, field.attname, field.to_python(snapshot[field.name]))
    with transaction.atomic():
        for name, ids in many.items():
            field = type(obj)._meta.get_field(name)
            getattr(obj, name).set(field.related_model.objects.filter(pk__in=ids))
        if isinstance(obj, Venue):
            services.venue_save(venue=obj)
        elif isinstance(obj, MaskedTerm):
            services.taxonomy_term_save(term=obj)
        elif isinstance(obj, Provider | AgeBand | SynonymGroup):
            obj.full_clean()
            obj.save()
        else:
            raise ValidationError(f"{type(obj)._meta.verbose_name} cannot be reverted.")
    return obj
