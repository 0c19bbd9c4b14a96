"""Importing and exporting providers, venues and services as CSV or XLSX (django-import-export).

Each file has the columns of its template in docs/import-templates/. A row with an `id` updates
that record; a row without one adds a record (providers are matched by name). Lists are
matched by code or name, separated by semicolons. Every row is checked before anything is
written: one bad row, and nothing is imported."""

import datetime as dt

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets

from . import services
from .models import (
    AccessibilityFeature,
    BreakKind,
    Locality,
    Need,
    Provider,
    Service,
    ServiceLocation,
    Status,
    Venue,
)
from .venue_positions import unlocated_warning

SEPARATOR = ";"


class TermsWidget(widgets.ManyToManyWidget):
    """A list of terms by code or name ("ASD; Physical disability"), each of which must exist."""

    def __init__(self, model, label, lookups=("code", "name")):
        super().__init__(model, separator=SEPARATOR, field="name")
        self.label, self.lookups = label, lookups
        # Each name's terms, looked up once per import: a file of 10,000 rows names the same
        # few terms over and over. (Each resource has its own copy of its fields' widgets.)
        self.known: dict[str, set] = {}

    def matches(self, item: str) -> set:
        """The terms a name or code stands for."""
        key = item.lower()
        if key not in self.known:
            self.known[key] = {
                term
                for lookup in self.lookups
                for term in self.model.objects.filter(**{f"{lookup}__iexact": item})
            }
        return set(self.known[key])

    def clean(self, value, row=None, **kwargs):
        if not value:
            return self.model.objects.none()
        wanted = [item.strip() for item in str(value).split(SEPARATOR) if item.strip()]
        found, unknown = [], []
        for item in wanted:
            matches = self.matches(item)
            if len(matches) == 1:
                found.append(matches.pop())
            elif matches:
                raise ValueError(f"More than one {self.label} is called '{item}'.")
            else:
                unknown.append(item)
        if unknown:
            names = ", ".join(f"'{item}'" for item in unknown)
            raise ValueError(
                f"Unknown {self.label}: {names}. Use the names or codes in the back office."
            )
        return self.model.objects.filter(pk__in=[term.pk for term in found])

    def render(self, value, obj=None, **kwargs):
        return f"{SEPARATOR} ".join(str(term.name) for term in value.all())


class ProviderWidget(widgets.ForeignKeyWidget):
    """A provider by its exact name."""

    def __init__(self):
        super().__init__(Provider, field="name")
        self.known: dict[str, Provider | None] = {}  # looked up once per import, by name

    def clean(self, value, row=None, **kwargs):
        if not value:
            raise ValueError("Enter the provider's name.")
        name = str(value).strip()
        if name.lower() not in self.known:
            self.known[name.lower()] = Provider.objects.filter(name__iexact=name).first()
        if self.known[name.lower()] is None:
            raise ValueError(f"No provider is called '{value}'. Import providers first.")
        return self.known[name.lower()]


class YesNoWidget(widgets.Widget):
    """yes/no (or true/false, 1/0); blank is no."""

    YES, NO = {"yes", "y", "true", "1"}, {"no", "n", "false", "0", ""}

    def clean(self, value, row=None, **kwargs):
        text = str(value if value is not None else "").strip().lower()
        if text in self.YES:
            return True
        if text in self.NO:
            return False
        raise ValueError(f"Enter yes or no, not '{value}'.")

    def render(self, value, obj=None, **kwargs):
        return "yes" if value else "no"


class DayWidget(widgets.Widget):
    """A date as 2026-03-31 or 31/03/2026; blank is none."""

    FORMATS = ("%Y-%m-%d", "%d/%m/%Y")

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        for pattern in self.FORMATS:
            try:
                return dt.datetime.strptime(str(value).strip(), pattern).date()  # noqa: DTZ007
            except ValueError:
                continue
        raise ValueError(f"Enter a real date like 2026-03-31 or 31/03/2026, not '{value}'.")

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class CheckedResource(resources.ModelResource):
    """What the three imports share: the columns must be the template's, each row is validated
    like an admin form (model validation included), and a row may not repeat another."""

    # Long text reads an empty cell as empty text, as short text does: an XLSX file gives None
    # for an empty cell, which django-import-export would save as NULL into a text column.
    WIDGETS_MAP = {**resources.ModelResource.WIDGETS_MAP, "TextField": widgets.CharWidget}

    class Meta:
        clean_model_instances = True

    def __init__(self, **kwargs):
        super().__init__()
        self.seen: dict = {}
        self.saved: list = []
        # When a file is checked in batches before it is saved (directory.import_jobs): the rows
        # before this batch, and whether to check each row without saving it at all.
        self.row_offset = 0
        self.check_only = False
        # (row number, text): what is worth knowing but stops nothing, shown with the preview.
        self.warnings: list[tuple[int | None, str]] = []

    def before_import(self, dataset, **kwargs):
        expected = set(self.get_import_fields_names())
        headers = [str(header or "").strip() for header in dataset.headers or []]
        missing = [name for name in self._meta.fields if name not in headers]
        unknown = [header for header in headers if header not in expected]
        if missing or unknown:
            problems = []
            if missing:
                problems.append(f"missing {', '.join(missing)}")
            if unknown:
                problems.append(f"not expected {', '.join(unknown)}")
            raise ValueError(
                f"The columns do not match the template ({'; '.join(problems)}). "
                "Download the template and copy your rows into it."
            )

    def get_import_fields_names(self):
        return [field.column_name for field in self.get_import_fields()]

    def row_key(self, row) -> tuple:
        raise NotImplementedError

    def before_import_row(self, row, **kwargs):
        key = self.row_key(row)
        if key in self.seen:
            raise ValidationError(
                f"This row repeats row {self.seen[key]}: each record may appear only once."
            )
        self.seen[key] = (kwargs.get("row_number") or 0) + self.row_offset

    def after_import(self, dataset, result, **kwargs):
        result.warnings = self.warnings

    def save_instance(self, instance, is_create, row, **kwargs):
        if self.check_only:
            self.before_save_instance(instance, row, **kwargs)
            return
        super().save_instance(instance, is_create, row, **kwargs)

    def save_m2m(self, instance, row, **kwargs):
        if not self.check_only:
            super().save_m2m(instance, row, **kwargs)

    def after_save_instance(self, instance, row, **kwargs):
        if not kwargs.get("dry_run"):
            self.saved.append(instance)

    def get_import_fields(self):
        return [field for field in super().get_import_fields() if not field.readonly]

    def import_instance(self, instance, row, **kwargs):
        """Check the lists too (they are saved later), so that every problem in a row is
        reported against its column, together."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors.setdefault(field.column_name, []).append(str(error))
        errors.update(self.row_problems(row))
        if errors:
            raise ValidationError(errors)

    def row_problems(self, row) -> dict:
        """Problems of the row as a whole, by column (none by default)."""
        return {}


def _text(row, name) -> str:
    return str(row.get(name) or "").strip().lower()


class ProviderResource(CheckedResource):
    class Meta:
        model = Provider
        import_id_fields = ("name",)
        fields = (
            "name",
            "description",
            "website",
            "email",
            "phone",
            "ofsted_number",
            "cqc_number",
            "charity_number",
            "safeguarding_lead",
            "safeguarding_email",
        )
        skip_unchanged = True

    def row_key(self, row):
        return (_text(row, "name"),)


class ProviderOwnedResource(CheckedResource):
    """What venues and services share: each names its provider, and a row without an id is the
    provider's record of that name, so two such rows for one provider and name repeat a record."""

    provider = fields.Field("provider", "provider", ProviderWidget())

    def row_key(self, row):
        if _text(row, "id"):
            return (_text(row, "id"),)
        return (_text(row, "provider"), _text(row, "name"))


class VenueResource(ProviderOwnedResource):
    accessibility_features = fields.Field(
        "accessibility_features",
        "accessibility_features",
        TermsWidget(AccessibilityFeature, "accessibility feature"),
    )

    class Meta:
        model = Venue
        fields = (
            "id",
            "provider",
            "name",
            "address_line_1",
            "address_line_2",
            "town",
            "postcode",
            "latitude",
            "longitude",
            "accessibility_features",
            "accessibility_notes",
        )

    def before_save_instance(self, instance, row, **kwargs):
        services.venue_fill_position(venue=instance)
        if warning := unlocated_warning(instance):
            self.warnings.append((kwargs.get("row_number"), warning))

    def after_import(self, dataset, result, **kwargs):
        """The services held at the venues take their features and text from them."""
        super().after_import(dataset, result, **kwargs)
        if not kwargs.get("dry_run"):
            held_at = ServiceLocation.objects.filter(venue__in=self.saved)
            services.services_refresh_derived_fields(
                service_ids=set(held_at.values_list("service_id", flat=True))
            )


class ServiceResource(ProviderOwnedResource):
    needs = fields.Field("needs", "needs", TermsWidget(Need, "need"))
    kinds = fields.Field("kinds", "kinds", TermsWidget(BreakKind, "kind of break"))
    localities = fields.Field("localities", "localities", TermsWidget(Locality, "locality"))
    venues = fields.Field("venues", "venues", TermsWidget(Venue, "venue", lookups=("name",)))
    is_free = fields.Field("is_free", "is_free", YesNoWidget())
    accepts_direct_payments = fields.Field(
        "accepts_direct_payments", "accepts_direct_payments", YesNoWidget()
    )
    availability_on = fields.Field("availability_on", "availability_on", DayWidget())
    last_checked_on = fields.Field("last_checked_on", "last_checked_on", DayWidget())

    class Meta:
        model = Service
        fields = (
            "id",
            "provider",
            "name",
            "summary",
            "description",
            "tier",
            "access_route",
            "how_to_access",
            "min_age",
            "max_age",
            "needs",
            "kinds",
            "localities",
            "venues",
            "timing_notes",
            "is_free",
            "cost_amount",
            "cost_unit",
            "cost_description",
            "accepts_direct_payments",
            "availability",
            "availability_on",
            "contact_name",
            "contact_phone",
            "contact_email",
            "website",
            "status",
            "last_checked_on",
        )

    def row_problems(self, row):
        problems = {
            name: [f"Enter at least one {label}."]
            for name, label in (("kinds", "kind of break"), ("localities", "locality"))
            if not _text(row, name)
        }
        if _text(row, "status") == Status.PUBLISHED and not _text(row, "needs"):
            problems["needs"] = [
                "Enter at least one need: a published listing must say which needs it is for."
            ]
        return problems

    def before_save_instance(self, instance, row, **kwargs):
        instance.skip_history_when_saving = True  # one version, after the lists are saved

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if kwargs.get("dry_run"):
            return
        services.services_refresh_derived_fields(service_ids=[s.pk for s in self.saved])
        for service in self.saved:
            del service.skip_history_when_saving
            services.service_version_record(service=service)
