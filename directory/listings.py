"""A service's listing as plain data: what is live, what a provider proposes, and the
differences between the two, field by field, in the words of the admin form.

A listing is a dict of JSON values: the service's own fields (LISTING_FIELDS), the ids of its
needs, kinds of break, localities and venues, and its sessions. The same shape is read from the
database (`listing_of`), from a submitted admin form (`listing_from_forms`) and stored on a
ProposedChange, so comparing and applying need no knowledge of where a listing came from."""

from .models import BreakKind, Locality, Need, Service, Session
from .versions import Difference, compare, plain

# What the council, not the provider, decides: never part of a proposed change.
COUNCIL_FIELDS = {"provider", "status", "last_checked_on", "last_checked_by"}
LISTING_FIELDS = [
    field.name
    for field in Service._meta.concrete_fields
    if field.editable and not field.primary_key and field.name not in COUNCIL_FIELDS
]
TERM_LISTS = {"needs": Need, "kinds": BreakKind, "localities": Locality}
SESSION_FIELDS = ("weekday", "start_time", "end_time", "period")


def _sessions(rows) -> list[dict]:
    return sorted(
        (plain({name: row[name] for name in SESSION_FIELDS}) for row in rows),
        key=lambda session: (session["weekday"], session["start_time"], session["end_time"]),
    )


def listing_of(service: Service) -> dict:
    """The service's listing as it is in the database now."""
    listing = {name: plain(getattr(service, name)) for name in LISTING_FIELDS}
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
        name: plain(data[name] if name in data else getattr(form.instance, name))
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


def differences(live: dict | None, proposed: dict) -> list[Difference]:
    """What the proposed listing changes, in form order. With no live listing (a new service),
    every field that has a value."""
    return compare(Service, live, proposed)
