"""The activity log, for commissioners: who changed what, when, across the records the council
keeps versions of (services, providers, venues, the Statement, eligibility rulesets), newest
first, filtered by person, record type and dates, and as CSV (formula cells neutralised by
directory.spreadsheet_cells). It reads the versions django-simple-history keeps: a version is
an entry. Its page is the admin's page for portal.Activity, a model with no table that carries
the permission (portal.view_activity, the Commissioner role's)."""

import csv
import datetime as dt
import io
from dataclasses import dataclass

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone

from directory.models import Provider, Service, Venue
from directory.spreadsheet_cells import safe_cell
from eligibility.models import Ruleset

from ..models import Activity, Statement

RECORD_TYPES = {
    "service": Service,
    "provider": Provider,
    "venue": Venue,
    "statement": Statement,
    "ruleset": Ruleset,
}
ACTIONS = {"+": "Created", "~": "Changed", "-": "Deleted"}
ON_THE_PAGE = 200  # entries the page shows, the newest
IN_THE_CSV = 10_000  # entries a download holds, the newest


class ActivityFilter(forms.Form):
    """The log's filters, each optional: who, which kind of record, from and to which day."""

    person = forms.ModelChoiceField(
        queryset=get_user_model().objects.filter(is_staff=True).order_by("username"),
        required=False,
        empty_label="Anyone",
        error_messages={"invalid_choice": "Choose a person from the list."},
    )
    record_type = forms.ChoiceField(
        label="Record type",
        choices=[("", "Any"), *((key, key.capitalize()) for key in RECORD_TYPES)],
        required=False,
        error_messages={"invalid_choice": "Choose a record type from the list."},
    )
    since = forms.DateField(
        label="From (date)",
        required=False,
        help_text="For example 2026-11-01",
        error_messages={"invalid": "Enter the first day as a date, like 2026-11-01"},
    )
    until = forms.DateField(
        label="To (date)",
        required=False,
        help_text="For example 2026-11-30",
        error_messages={"invalid": "Enter the last day as a date, like 2026-11-30"},
    )

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", "The last day must be the same as or after the first day.")
        return data


@dataclass(frozen=True)
class Entry:
    """One change: a version of a record."""

    when: dt.datetime
    who: str
    record_type: str
    record: str
    action: str
    note: str
    url: str


def _person(user) -> str:
    if user is None:
        return "(the system)"
    return user.get_full_name() or user.username


def _history_url(model, pk) -> str:
    try:
        return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_history", args=[pk])
    except NoReverseMatch:
        return ""


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def activity_entries(*, person=None, record_type="", since=None, until=None, limit: int):
    """The newest `limit` changes matching the filters, newest first."""
    found = []
    for key, model in RECORD_TYPES.items():
        if record_type and key != record_type:
            continue
        versions = model.history.select_related("history_user")
        if person is not None:
            versions = versions.filter(history_user=person)
        if since is not None:
            versions = versions.filter(history_date__gte=_day_start(since))
        if until is not None:
            versions = versions.filter(history_date__lt=_day_start(until + dt.timedelta(days=1)))
        for version in versions.order_by("-history_date")[:limit]:
            found.append(
                Entry(
                    when=version.history_date,
                    who=_person(version.history_user),
                    record_type=key.capitalize(),
                    record=str(version.instance),
                    action=ACTIONS.get(version.history_type, version.history_type),
                    note=version.history_change_reason or "",
                    url=_history_url(model, version.id),
                )
            )
    found.sort(key=lambda entry: entry.when, reverse=True)
    return found[:limit]


CSV_COLUMNS = ["When", "Who", "Record type", "Record", "Action", "Note"]


def activity_csv(entries) -> str:
    """The entries as CSV, every text cell safe to open in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        row = [
            entry.when.astimezone(timezone.get_current_timezone()).strftime("%Y-%m-%d %H:%M"),
            entry.who,
            entry.record_type,
            entry.record,
            entry.action,
            entry.note,
        ]
        writer.writerow([safe_cell(value) for value in row])
    return out.getvalue()


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    """The activity log's page (see the module): only a list, read by those with its
    permission."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_changelist"
        return [path("", self.admin_site.admin_view(self.changelist_view), name=name)]

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = ActivityFilter(request.GET or None)
        entries = []
        valid = form.is_valid() if form.is_bound else True
        filters = form.cleaned_data if form.is_bound and valid else {}
        wants_csv = request.GET.get("download") == "csv"
        if valid:
            entries = activity_entries(**filters, limit=IN_THE_CSV if wants_csv else ON_THE_PAGE)
        if wants_csv and valid:
            response = HttpResponse(activity_csv(entries), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="activity.csv"'
            return response
        query = request.GET.copy()
        query.pop("download", None)
        query["download"] = "csv"
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Activity log",
            "form": form,
            "entries": entries,
            "limit": ON_THE_PAGE,
            "csv_query": query.urlencode(),
            "filtered": bool(filters),
        }
        return TemplateResponse(request, "admin/portal/activity.html", context)
