"""Two officers editing one record at once: the second save is not allowed to silently undo
the first. A form carries the revision of the record it was opened on (directory.models.
revisions); a save whose revision is no longer the record's is refused, writing nothing, and
the officer is shown both versions, field by field, to choose from (directory.admin.conflicts).

The records guarded: services, providers, venues, the Statement and eligibility rulesets,
whichever admin form saves them."""

from dataclasses import dataclass

from django.db import models

from .history import snapshot_of
from .listings import listing_from_forms, listing_of
from .models import Service
from .versions import Difference, compare, plain

SEEN = "seen_revision"  # the form field with the revision the form was opened on


class EditConflict(Exception):
    """A save refused because the record was saved by someone else since its form was
    opened. Carries the form, as sent, to show beside the record as it is now."""

    def __init__(self, form):
        super().__init__("The record was saved by someone else since the form was opened.")
        self.form = form


def is_guarded(model) -> bool:
    """Whether the model's records carry a revision (directory.models.revisions)."""
    return any(field.name == "revision" for field in model._meta.concrete_fields)


def seen_revision(value) -> int | None:
    """The revision a form says it was opened on: None if it says nothing (a form from before
    revisions, or a script); -1, which matches no record, if what it says is not a number."""
    if value in (None, ""):
        return None
    text = str(value)
    return int(text) if text.isascii() and text.isdigit() and len(text) < 10 else -1


def revision_check(*, model, pk, seen: int | None) -> None:
    """Raise EditConflict (without the form: the caller adds it) if the record's revision is
    no longer `seen`. Locks the record's row until the caller's transaction ends, so that the
    save that follows is the only one."""
    if seen is None:
        return
    row = model._default_manager.select_for_update().filter(pk=pk).values_list("revision").first()
    if row is not None and (row[0] or 0) != seen:
        raise EditConflict(None)


def _form_value(field, value):
    if field.many_to_many:
        return sorted(str(item.pk) for item in value or [])
    if field.is_relation:
        return plain(value.pk) if value is not None else None
    return plain(value)


def form_snapshot(current, form, formsets=()) -> dict:
    """The record as the sent form (and, for a service, its valid inlines) would make it, in
    the shape of its versions' snapshots (directory.versions); fields not on the form keep
    their values from `current`."""
    if isinstance(current, Service):
        if all(formset.is_valid() for formset in formsets):
            return listing_from_forms(form, formsets)
        theirs = listing_of(current)
        return theirs | {
            name: mine
            for name, mine in listing_from_forms(form, []).items()
            if name not in ("venues", "sessions")
        }
    snapshot = snapshot_of(current)
    for name in snapshot:
        if name in form.cleaned_data:
            field = type(current)._meta.get_field(name)
            snapshot[name] = _form_value(field, form.cleaned_data[name])
    return snapshot


@dataclass(frozen=True)
class Conflict:
    """What an officer sees when their save was refused: the record as saved now, who saved
    it last and when, and each field where their version differs (`before` is the saved
    value, `after` theirs)."""

    record: models.Model
    saved_by: object
    saved_at: object
    differences: list[Difference]


def conflict_of(current, form, formsets=()) -> Conflict:
    """The conflict between the record as it is now and the form sent over an older revision."""
    mine = form_snapshot(current, form, formsets)
    theirs = listing_of(current) if isinstance(current, Service) else snapshot_of(current)
    last = current.history.select_related("history_user").order_by("-history_date").first()
    return Conflict(
        record=current,
        saved_by=last.history_user if last else None,
        saved_at=last.history_date if last else None,
        differences=compare(type(current), theirs, mine),
    )
