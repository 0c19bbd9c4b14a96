"""A service's listing as plain data: what is live, what a provider proposes, and the
differences between the two, field by field, in the words of the admin form.

A listing is a dict of JSON values: the service's own fields (LISTING_FIELDS), the ids of its
needs, kinds of break, localities and venues, and its sessions. The same shape is read from the
database (`listing_of`), from a submitted admin form (`listing_from_forms`) and stored on a
ProposedChange, so comparing and applying need no knowledge of where a listing came from."""

import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder

from .models import BreakKind, Locality, Need, Service, Session, Venue

# What the council, not the provider, decides: never part of a proposed change.
COUNCIL_FIELDS = {"provider", "status", "last_checked_on", "last_checked_by"}
LISTING_FIELDS = [
    field.name
    for field in Service._meta.concrete_fields
    if field.editable and not field.primary_key and field.name not in COUNCIL_FIELDS
]
TERM_LISTS = {"needs": Need, "kinds": BreakKind, "localities": Locality}
SESSION_FIELDS = ("weekday", "start_time", "end_time", "period")


def _plain(value):
    """A value as it is stored in JSON (dates, times and decimals become strings)."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _sessions(rows) -> list[dict]:
    return sorted(
        (_plain({name: row[name] for name in SESSION_FIELDS}) for row in rows),
        key=lambda session: (session["weekday"], session["start_time"], session["end_time"]),
    )


def listing_of(service: Service) -> dict:
    """The service's listing as it is in the database now."""
    listing = {name: _plain(getattr(service, name)) for name in LISTING_FIELDS}
    for name in TERM_LISTS:
        listing[name] = sorted(
            str(pk) for pk in getattr(service, name).order_by().values_list("pk", flat=True)
        )
    listing["venues"] = sorted(
        str(pk) for pk in service.locations.order_by().values_list("venue_id", flat=True)
    )
    listing["sessions"] = _sessions(service.sessions.order_by().values(*SESSION_FIELDS))
    return listing


def _kept_rows(formset) -> list[dict]:
    """The cleaned rows of an inline formset that are kept: not deleted, not left empty."""
    return [
        form.cleaned_data
        for form in formset.forms
        if form.cleaned_data
        and not form.cleaned_data.get("DELETE")
        and (not form.instance._state.adding or form.has_changed())
    ]


def listing_from_forms(form, formsets) -> dict:
    """The listing a valid admin service form and its session and venue inlines describe."""
    data = form.cleaned_data
    listing = {
        name: _plain(data[name] if name in data else getattr(form.instance, name))
        for name in LISTING_FIELDS
    }
    for name in TERM_LISTS:
        listing[name] = sorted(str(term.pk) for term in data.get(name, []))
    by_model = {formset.model: formset for formset in formsets}
    sessions = by_model.get(Session)
    listing["sessions"] = _sessions(_kept_rows(sessions)) if sessions else []
    locations = [formset for model, formset in by_model.items() if model is not Session]
    listing["venues"] = (
        sorted({str(row["venue"].pk) for row in _kept_rows(locations[0])}) if locations else []
    )
    return listing


def listing_values(listing: dict) -> dict:
    """The listing's own fields as Python values, ready to set on a Service."""
    return {
        name: Service._meta.get_field(name).to_python(listing[name])
        for name in LISTING_FIELDS
        if name in listing
    }


@dataclass(frozen=True)
class Difference:
    """One field that differs: its label and both values, as words for a person."""

    field: str
    label: str
    live: str
    proposed: str


def _names(model, ids: list[str]) -> dict[str, str]:
    found = model.objects.filter(pk__in=ids).values_list("pk", "name")
    return {str(pk): name for pk, name in found}


def _describe_field(name: str, value) -> str:
    field = Service._meta.get_field(name)
    value = field.to_python(value)
    if value in (None, ""):
        return "(blank)"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def _describe_session(session: dict) -> str:
    weekday = Session.Weekday(session["weekday"]).label
    period = Session.Period(session["period"]).label
    return f"{weekday} {session['start_time'][:5]} to {session['end_time'][:5]} ({period.lower()})"


def _describe_sessions(sessions: list[dict]) -> str:
    return _describe_list([_describe_session(s) for s in sessions], in_order=True)


def _describe_list(names: list[str], *, in_order=False) -> str:
    if not names:
        return "(none)"
    return "; ".join(names if in_order else sorted(names))


def differences(live: dict | None, proposed: dict) -> list[Difference]:
    """What the proposed listing changes, in form order. With no live listing (a new service),
    every field that has a value."""
    live = live or {}
    found = []
    for name in LISTING_FIELDS:
        field = Service._meta.get_field(name)
        before, after = field.to_python(live.get(name)), field.to_python(proposed.get(name))
        if name in live and before == after or (not live and after in (None, "", False)):
            continue
        found.append(
            Difference(
                name,
                str(field.verbose_name).capitalize(),
                _describe_field(name, live.get(name)) if live else "",
                _describe_field(name, proposed.get(name)),
            )
        )
    lists = {**TERM_LISTS, "venues": Venue}
    for name, model in lists.items():
        before, after = live.get(name, []), proposed.get(name, [])
        if sorted(before) == sorted(after):
            continue
        names = _names(model, before + after)
        label = Service._meta.get_field(name).verbose_name
        found.append(
            Difference(
                name,
                str(label).capitalize(),
                _describe_list([names.get(pk, "(deleted)") for pk in before]) if live else "",
                _describe_list([names.get(pk, "(deleted)") for pk in after]),
            )
        )
    if live.get("sessions", []) != proposed.get("sessions", []):
        found.append(
            Difference(
                "sessions",
                "Sessions",
                _describe_sessions(live.get("sessions", [])) if live else "",
                _describe_sessions(proposed.get("sessions", [])),
            )
        )
    return found
