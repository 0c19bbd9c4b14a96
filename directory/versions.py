"""Records as plain data, and the differences between two of them in the words of the admin
form: used to compare a provider's proposed listing with the live one, and any two versions of
a record kept by django-simple-history.

A snapshot is a dict of JSON values keyed by field name: scalar fields as stored, foreign keys
and many-to-many fields as ids. A service's snapshot is its listing (directory.listings), which
also holds "venues" (ids) and "sessions" (dicts)."""

import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from .models import Session, Venue


def plain(value):
    """A value as it is stored in JSON (dates, times, decimals and UUIDs become strings)."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


@dataclass(frozen=True)
class Difference:
    """One field that differs: its label and both values, as words for a person."""

    field: str
    label: str
    before: str
    after: str

    # The approval queue says "live" and "proposed".
    @property
    def live(self):
        return self.before

    @property
    def proposed(self):
        return self.after


def snapshot_fields(model) -> list[models.Field]:
    """The fields a snapshot of the model holds: what a person edits, many-to-many included."""
    return [
        field
        for field in (*model._meta.concrete_fields, *model._meta.many_to_many)
        if field.editable and not field.primary_key
    ]


def _list_text(names: list[str], *, in_order=False) -> str:
    if not names:
        return "(none)"
    return "; ".join(names if in_order else sorted(names))


def _names(model, ids) -> dict[str, str]:
    return {str(record.pk): str(record) for record in model._default_manager.filter(pk__in=ids)}


def _session_text(session: dict) -> str:
    weekday = Session.Weekday(session["weekday"]).label
    period = Session.Period(session["period"]).label.lower()
    return f"{weekday} {session['start_time'][:5]} to {session['end_time'][:5]} ({period})"


def _scalar_text(field, value) -> str:
    value = field.to_python(value)
    if value in (None, ""):
        return "(blank)"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def _is_empty(value) -> bool:
    return value in (None, "", False, [])


def _same(model, name: str, before, after) -> bool:
    if isinstance(before, list) or isinstance(after, list):
        if name == "sessions":
            return (before or []) == (after or [])
        return sorted(before or []) == sorted(after or [])
    field = model._meta.get_field(name)
    if field.is_relation:
        return before == after
    return _unified(field.to_python(before)) == _unified(field.to_python(after))


def _unified(value):
    """Text with one kind of line ending: a browser sends a textarea's lines ending "\r\n",
    a spreadsheet or an API "\n", and the same words are not a change."""
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


def _label(model, name: str) -> str:
    if name in ("sessions", "venues"):
        return name.capitalize()
    return str(model._meta.get_field(name).verbose_name).capitalize()


def _changed(model, before: dict | None, after: dict) -> list[str]:
    """The names of the fields that differ, in the model's field order; with no `before`, the
    fields of `after` that have a value."""
    names = [field.name for field in snapshot_fields(model)] + ["venues", "sessions"]
    changed = []
    for name in names:
        if name not in after and name not in (before or {}):
            continue
        new = after.get(name)
        if before is None and _is_empty(new):
            continue
        if before is not None and _same(model, name, before.get(name), new):
            continue
        changed.append(name)
    return changed


def changed_fields(model, before: dict, after: dict) -> list[str]:
    """The names of the fields that differ between two snapshots, in the model's field order."""
    return _changed(model, before, after)


def changed_labels(model, before: dict | None, after: dict) -> list[str]:
    """The labels of the fields that differ (see compare), without describing the values, so
    without looking up any names."""
    return [_label(model, name) for name in _changed(model, before, after)]


class _Describer:
    """Describes values of a model's fields, looking up the names of related records once."""

    def __init__(self, model, snapshots: list[dict]):
        self.model = model
        self.names: dict = {}
        for field in snapshot_fields(model):
            if field.is_relation:
                ids = set()
                for snapshot in snapshots:
                    value = snapshot.get(field.name)
                    ids |= set(value) if isinstance(value, list) else {value} - {None}
                self.names[field.name] = _names(field.related_model, ids)
        venue_ids = {pk for snapshot in snapshots for pk in snapshot.get("venues", [])}
        self.names["venues"] = _names(Venue, venue_ids)

    def text(self, name: str, value) -> str:
        if name == "sessions":
            return _list_text([_session_text(s) for s in value or []], in_order=True)
        if name == "venues" or isinstance(value, list):
            return _list_text([self.names[name].get(pk, "(deleted)") for pk in value or []])
        field = self.model._meta.get_field(name)
        if field.is_relation:
            return self.names[name].get(value, "(deleted)") if value else "(blank)"
        return _scalar_text(field, value)


def compare(model, before: dict | None, after: dict) -> list[Difference]:
    """The fields that differ between two snapshots of a record, in the model's field order.
    With no `before` (a new record), every field of `after` that has a value."""
    describer = _Describer(model, [before or {}, after])
    return [
        Difference(
            name,
            _label(model, name),
            describer.text(name, before.get(name)) if before is not None else "",
            describer.text(name, after.get(name)),
        )
        for name in _changed(model, before, after)
    ]
