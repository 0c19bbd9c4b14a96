"""The directory in the back office: the council's configuration and lists, providers, venues,
services and problem reports. Saves go through directory.services so search stays current."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from import_export.admin import ImportExportMixin

from directory.roles import acts_for_providers

from . import approvals, history, listings, reviews, services
from .admin_changelists import BoundedDateHierarchy
from .admin_forms import DecisionForm
from .import_storage import ConfirmUploadForm, ImportUploadStorage, UploadNotFound
from .imports import ProviderResource, ServiceResource, VenueResource
from .models import (
    AccessibilityFeature,
    AgeBand,
    BreakKind,
    Council,
    Locality,
    Need,
    PostcodeDistrict,
    ProblemReport,
    ProposedChange,
    Provider,
    ReviewReminder,
    Service,
    ServiceLocation,
    Session,
    Status,
    Venue,
)
from .spreadsheet_formats import SafeCSV, SafeXLSX


class DirectoryAdmin(admin.ModelAdmin):
    """What every directory page in the back office shares."""

    # Web addresses typed without a scheme are https, as they will be by default in Django 6.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class Importable(ImportExportMixin):
    """CSV and XLSX import (a preview of every row first; one bad row and nothing is written)
    and export of the change list as filtered. Importing is the council's, not providers'.

    Every file is read and written through directory.spreadsheet_formats (formula cells shown
    as text) and every upload kept through directory.import_storage (the confirm step's name
    never reaches the file system); neither can be changed in settings."""

    formats = import_formats = export_formats = [SafeCSV, SafeXLSX]
    tmp_storage_class = ImportUploadStorage
    confirm_form_class = ConfirmUploadForm
    import_template_name = "admin/directory/import.html"
    from_encoding = "utf-8-sig"  # Excel's "CSV UTF-8" starts with a byte order mark

    def has_import_permission(self, request):
        return (
            self.has_add_permission(request)
            and self.has_change_permission(request)
            and not acts_for_providers(request.user)
        )

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_import_data_kwargs(self, **kwargs):
        return {**super().get_import_data_kwargs(**kwargs), "rollback_on_validation_errors": True}

    def get_confirm_form_kwargs(self, request, import_form=None):
        return {
            **super().get_confirm_form_kwargs(request, import_form),
            "formats": len(self.get_import_formats()),
            "resources": len(self.get_import_resource_classes(request)),
        }

    def process_import(self, request, **kwargs):
        """The confirm step. Its hidden fields come back from the browser: if they were changed,
        or the upload is gone, the officer is sent back to upload the file again and no file
        is read or deleted."""
        if request.method == "POST" and self.has_import_permission(request):
            if not self.create_confirm_form(request).is_valid():
                return self._upload_again(request)
        try:
            return super().process_import(request, **kwargs)
        except UploadNotFound:
            return self._upload_again(request)

    def _upload_again(self, request):
        self.message_user(request, UploadNotFound.message, messages.ERROR)
        return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_import"))

    def get_data_for_export(self, request, queryset, **kwargs):
        """Numbers and dates keep their types in CSV as in XLSX, so that only text is
        neutralised (directory.spreadsheet_formats): a longitude of -2.44 stays a number, not
        the text "'-2.44". django-import-export keeps them only for its own binary format
        classes, which ours are subclasses of, not."""
        return super().get_data_for_export(
            request, queryset, **{**kwargs, "force_native_type": True}
        )

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, UnicodeError):
            message = (
                "The file is not saved as UTF-8 text. In Excel, choose Save As and "
                "'CSV UTF-8', or import the .xlsx file instead."
            )
        else:
            message = (
                "The file could not be read. Check you chose the right format (CSV or XLSX), "
                "or start from the template."
            )
        form.add_error("import_file", message)

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # Something changed since the preview: the import was rolled back.
            self.message_user(
                request,
                "Nothing was imported: some rows are no longer valid. Import the file again "
                "to see which.",
                messages.ERROR,
            )
            return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_import"))
        return super().process_result(result, request)


class VersionedAdmin(DirectoryAdmin):
    """A record's "History" page lists its versions (directory.history) with what each changed;
    any two can be compared, and the council's officers can revert to one after confirming."""

    object_history_template = "admin/directory/history.html"

    def get_urls(self):
        return [
            path(
                "<path:object_id>/history/<int:version_id>/revert/",
                self.admin_site.admin_view(self.revert_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_revert",
            ),
            *super().get_urls(),
        ]

    def has_revert_permission(self, request, obj) -> bool:
        """Reverting is the council's: anyone who may change the record, except providers."""
        return self.has_change_permission(request, obj) and not acts_for_providers(request.user)

    def _record_or_404(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404("No record has that address.")
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def _version(self, obj, raw):
        try:
            return obj.history.select_related("history_user").get(history_id=int(raw))
        except (TypeError, ValueError, obj.history.model.DoesNotExist):
            return None

    def history_view(self, request, object_id, extra_context=None):
        obj = self._record_or_404(request, object_id)
        records = list(
            obj.history.select_related("history_user").order_by("-history_date", "-history_id")[
                :HISTORY_PAGE
            ]
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": f"History: {obj}",
            "rows": history.version_rows(records),
            "can_revert": self.has_revert_permission(request, obj),
            "newest": records[0] if records else None,
        }
        if "older" in request.GET or "newer" in request.GET:
            older = self._version(obj, request.GET.get("older"))
            newer = self._version(obj, request.GET.get("newer"))
            if older is None or newer is None or older == newer:
                context["compare_error"] = "Choose two different versions to compare."
            else:
                if older.history_date > newer.history_date:
                    older, newer = newer, older
                context.update(
                    older=older,
                    newer=newer,
                    differences=history.version_differences(older, newer),
                )
        return TemplateResponse(request, self.object_history_template, context)

    def revert_view(self, request, object_id, version_id):
        obj = self._record_or_404(request, object_id)
        if not self.has_revert_permission(request, obj):
            raise PermissionDenied
        record = self._version(obj, version_id)
        if record is None:
            raise Http404("This record has no such version.")
        history_url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_history", args=[obj.pk]
        )
        problems = []
        if request.method == "POST":
            try:
                history.version_revert(obj=obj, record=record, by=request.user)
            except ValidationError as error:
                problems = _problems(error)
            else:
                self.message_user(
                    request,
                    f"“{obj}” is back as it was on {record.history_date:%d %B %Y at %H:%M}. "
                    "The revert is the newest version below.",
                    messages.SUCCESS,
                )
                return redirect(history_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "record": record,
            "title": f"Revert “{obj}”",
            "differences": history.revert_differences(obj, record),
            "problems": problems,
            "history_url": history_url,
        }
        return TemplateResponse(request, "admin/directory/revert.html", context)


class ProviderScoped:
    """For a provider user, only the records of the providers they are linked to: in lists,
    searches and autocompletes, in the choices of a provider, and by address. Another
    provider's record is not found (404), however its address is typed."""

    provider_path = "provider"  # from this model to its Provider

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if acts_for_providers(request.user):
            lookup = f"{self.provider_path}__users" if self.provider_path else "users"
            queryset = queryset.filter(**{lookup: request.user}).distinct()
        return queryset

    def get_object(self, request, object_id, from_field=None):
        found = super().get_object(request, object_id, from_field)
        if found is None and acts_for_providers(request.user):
            raise Http404("No record of yours has that address.")
        return found

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if acts_for_providers(request.user):
            if db_field.name == "provider":
                kwargs["queryset"] = Provider.objects.filter(users=request.user)
            elif db_field.name == "venue":
                kwargs["queryset"] = Venue.objects.filter(provider__users=request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Council)
class CouncilAdmin(DirectoryAdmin):
    fieldsets = (
        (None, {"fields": ("name",)}),
        (
            "Disabled children's team",
            {
                "fields": (
                    "disabled_children_team_name",
                    "contact_phone",
                    "contact_email",
                    "contact_hours",
                )
            },
        ),
        ("Early Help", {"fields": ("early_help_phone", "early_help_url")}),
        ("Other links", {"fields": ("local_offer_url", "feedback_email")}),
        ("Review cycle", {"fields": ("review_every_months",)}),
        ("Reports", {"fields": ("supply_threshold",)}),
    )

    def has_add_permission(self, request):
        return not Council.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        council = Council.objects.order_by("pk").first()
        if council is None:
            return super().changelist_view(request, extra_context)
        return redirect(reverse("admin:directory_council_change", args=[council.pk]))


# ---------------------------------------------------------------------------- the council's lists


class TermAdmin(VersionedAdmin):
    """A list the council edits. Saving or deleting a term refreshes the services that use it."""

    list_display = ("name", "code", "position")
    list_editable = ("position",)
    search_fields = ("name", "code")
    prepopulated_fields = {"code": ("name",)}

    def save_model(self, request, obj, form, change):
        services.taxonomy_term_save(term=obj)

    def delete_model(self, request, obj):
        services.taxonomy_term_delete(term=obj)

    def delete_queryset(self, request, queryset):
        for term in queryset:
            services.taxonomy_term_delete(term=term)


@admin.register(Need)
class NeedAdmin(TermAdmin):
    list_display = ("name", "code", "is_sen_primary_need", "position")
    list_filter = ("is_sen_primary_need",)


@admin.register(BreakKind)
class BreakKindAdmin(TermAdmin):
    list_display = ("name", "code", "heading", "position")
    list_filter = ("heading",)


@admin.register(AccessibilityFeature)
class AccessibilityFeatureAdmin(TermAdmin):
    pass


class PostcodeDistrictInline(admin.TabularInline):
    model = PostcodeDistrict
    fields = ("code", "latitude", "longitude")
    extra = 0


@admin.register(Locality)
class LocalityAdmin(TermAdmin):
    inlines = [PostcodeDistrictInline]


@admin.register(AgeBand)
class AgeBandAdmin(VersionedAdmin):
    list_display = ("name", "code", "min_age", "max_age")
    prepopulated_fields = {"code": ("name",)}


@admin.register(PostcodeDistrict)
class PostcodeDistrictAdmin(DirectoryAdmin):
    list_display = ("code", "locality", "latitude", "longitude")
    list_filter = ("locality",)
    search_fields = ("code",)


# ---------------------------------------------------------------------------- providers and venues


class VenueInline(ProviderScoped, admin.StackedInline):
    model = Venue
    extra = 0
    fields = (
        "name",
        ("address_line_1", "address_line_2"),
        ("town", "postcode"),
        "accessibility_features",
        "accessibility_notes",
    )
    filter_horizontal = ("accessibility_features",)
    show_change_link = True


@admin.register(Provider)
class ProviderAdmin(ProviderScoped, Importable, VersionedAdmin):
    resource_classes = [ProviderResource]
    provider_path = ""
    list_display = ("name", "email", "phone", "charity_number")
    search_fields = ("name", "email")
    fieldsets = (
        (None, {"fields": ("name", "description")}),
        ("Contact", {"fields": ("website", "email", "phone")}),
        ("Registration", {"fields": ("ofsted_number", "cqc_number", "charity_number")}),
        ("Safeguarding", {"fields": ("safeguarding_lead", "safeguarding_email")}),
        ("People who update its listings", {"fields": ("users",)}),
    )
    autocomplete_fields = ("users",)
    inlines = [VenueInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is not Venue:
            return super().save_formset(request, form, formset, change)
        for venue in formset.save(commit=False):
            services.venue_save(venue=venue)
        for venue in formset.deleted_objects:
            venue.delete()
        formset.save_m2m()
        return None


@admin.register(Venue)
class VenueAdmin(ProviderScoped, Importable, VersionedAdmin):
    resource_classes = [VenueResource]
    list_display = ("name", "town", "postcode", "provider")
    list_filter = ("accessibility_features",)
    search_fields = ("name", "town", "postcode", "provider__name")
    autocomplete_fields = ("provider",)
    filter_horizontal = ("accessibility_features",)
    fields = (
        "provider",
        "name",
        ("address_line_1", "address_line_2"),
        ("town", "postcode"),
        ("latitude", "longitude"),
        "accessibility_features",
        "accessibility_notes",
    )

    def save_model(self, request, obj, form, change):
        services.venue_fill_position(venue=obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.services_refresh_derived_fields(
            service_ids=list(form.instance.service_locations.values_list("service_id", flat=True))
        )


# ---------------------------------------------------------------------------- services


class SessionInline(admin.TabularInline):
    model = Session
    extra = 1
    fields = ("weekday", "start_time", "end_time", "period")


class ServiceLocationInline(ProviderScoped, admin.TabularInline):
    provider_path = "service__provider"
    model = ServiceLocation
    extra = 1
    autocomplete_fields = ("venue",)
    verbose_name = "venue"
    verbose_name_plural = "venues"


REVIEW_STATES = {
    "overdue": "review_overdue",
    "due-soon": "review_due_soon",
    "current": "review_current",
}


class ReviewFilter(admin.SimpleListFilter):
    """Listings by when they are next due to be checked, under the council's review cycle."""

    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("overdue", "Review overdue"),
            ("due-soon", f"Due in {reviews.DUE_SOON_DAYS} days"),
            ("current", "Checked recently"),
        ]

    def queryset(self, request, queryset):
        if self.value() not in REVIEW_STATES:
            return queryset
        cycle = reviews.Cycle(timezone.localdate(), Council.objects.current().review_every_months)
        return getattr(queryset, REVIEW_STATES[self.value()])(cycle)


@admin.register(Service)
class ServiceAdmin(BoundedDateHierarchy, ProviderScoped, Importable, VersionedAdmin):
    resource_classes = [ServiceResource]
    list_display = (
        "name",
        "provider",
        "ages",
        "tier",
        "status",
        "availability",
        "last_checked_on",
    )
    list_filter = (ReviewFilter, "status", "tier", "availability", "kinds", "localities")
    actions = ["mark_checked_today"]
    search_fields = ("name", "provider__name")
    list_select_related = ("provider",)
    autocomplete_fields = ("provider", "needs", "kinds", "localities")
    date_hierarchy = "last_checked_on"
    inlines = [SessionInline, ServiceLocationInline]
    readonly_fields = ("last_checked_by",)
    fieldsets = (
        (None, {"fields": ("provider", "name", "summary", "status")}),
        ("Who it is for", {"fields": (("min_age", "max_age"), "needs", "localities", "kinds")}),
        ("What happens", {"fields": ("description",)}),
        (
            "Support offered",
            {
                "fields": (
                    ("ratio_one_to_three", "ratio_one_to_two"),
                    ("ratio_one_to_one", "ratio_two_to_one"),
                    ("personal_care", "medication"),
                    ("gastrostomy_feeding", "moving_and_handling"),
                )
            },
        ),
        ("When", {"fields": ("timing_notes",)}),
        (
            "Cost",
            {
                "fields": (
                    "is_free",
                    ("cost_amount", "cost_unit"),
                    "cost_description",
                    "accepts_direct_payments",
                )
            },
        ),
        (
            "How to get a place",
            {
                "fields": (
                    "tier",
                    "access_route",
                    "how_to_access",
                    ("availability", "availability_on"),
                )
            },
        ),
        ("Contact", {"fields": ("contact_name", "contact_phone", "contact_email", "website")}),
        ("Review", {"fields": ("last_checked_on", "last_checked_by")}),
    )

    def get_view_on_site_url(self, obj=None):
        """The public page of a published listing, the preview of any other."""
        if obj is None or obj.is_published:
            return super().get_view_on_site_url(obj)
        return reverse("directory:service-preview", args=[obj.pk])

    @admin.display(ordering="min_age")
    def ages(self, service):
        return f"{service.min_age} to {service.max_age}"

    @admin.action(description="Mark as checked today", permissions=["review"])
    def mark_checked_today(self, request, queryset):
        count = services.services_mark_checked(
            services=queryset, by=request.user, on=timezone.localdate()
        )
        self.message_user(
            request,
            f"{count} listing{'s' if count != 1 else ''} marked as checked today by you.",
            messages.SUCCESS,
        )

    def has_review_permission(self, request):
        """Checking listings is the council's job: editors and commissioners, not providers."""
        return self.has_change_permission(request) and not acts_for_providers(request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if acts_for_providers(request.user):
            # The council publishes and checks listings.
            fields = (*fields, "status", "last_checked_on")
        return fields

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None and acts_for_providers(request.user):
            return obj.status in (Status.DRAFT, Status.PUBLISHED)
        return allowed

    # A provider user's edit of a published listing is held for approval (directory.approvals):
    # the form is checked as usual, but nothing is saved except the proposed change.

    def _held_for_approval(self, request, obj) -> bool:
        return acts_for_providers(request.user) and obj.status == Status.PUBLISHED

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET" and acts_for_providers(request.user):
            waiting = ProposedChange.objects.waiting().filter(service_id=object_id).first()
            if waiting is not None:
                self.message_user(
                    request,
                    f"You sent changes on {waiting.proposed_at:%d %B %Y}; they are waiting for "
                    "approval. The form shows the live listing: saving replaces your waiting "
                    "changes with what you send now.",
                    messages.WARNING,
                )
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if change and self._held_for_approval(request, obj):
            return
        if acts_for_providers(request.user):
            obj.status = Status.DRAFT
        obj.skip_history_when_saving = True  # one version, once the inlines are saved too
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        service = form.instance
        if change and self._held_for_approval(request, service):
            approvals.proposed_change_submit(
                service=service,
                listing=listings.listing_from_forms(form, formsets),
                by=request.user,
                kind=ProposedChange.Kind.EDIT,
            )
            return
        super().save_related(request, form, formsets, change)
        services.service_refresh_derived_fields(service=service)
        del service.skip_history_when_saving
        services.service_version_record(service=service, created=not change)
        if acts_for_providers(request.user):
            approvals.proposed_change_submit(
                service=service,
                listing=listings.listing_of(service),
                by=request.user,
                kind=ProposedChange.Kind.NEW,
            )

    def construct_change_message(self, request, form, formsets, add=False):
        if not add and self._held_for_approval(request, form.instance):
            return "Proposed a change for approval."
        return super().construct_change_message(request, form, formsets, add)

    def response_change(self, request, obj):
        if not self._held_for_approval(request, obj):
            return super().response_change(request, obj)
        self.message_user(
            request,
            "Your changes have been sent to the council for approval. The live "
            "listing stays as it is until an editor approves them; you will get an email.",
            messages.SUCCESS,
        )
        return redirect(reverse("admin:directory_service_changelist"))

    def response_add(self, request, obj, post_url_continue=None):
        if acts_for_providers(request.user):
            self.message_user(
                request,
                "It is a draft until an editor approves it; you will get an email.",
                messages.INFO,
            )
        return super().response_add(request, obj, post_url_continue)


HISTORY_PAGE = 200  # versions shown on a record's history page


def _problems(error: ValidationError) -> list[str]:
    """A listing's validation errors as sentences naming the fields of the service form."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    found = []
    for name, errors in error.error_dict.items():
        try:
            label = str(Service._meta.get_field(name).verbose_name).capitalize()
        except FieldDoesNotExist:
            label = name.replace("_", " ").capitalize()
        found += [f"{label}: {message}" for e in errors for message in e.messages]
    return found


@admin.register(ProposedChange)
class ProposedChangeAdmin(ProviderScoped, DirectoryAdmin):
    """The queue of providers' changes: each shown against what is live, with a decision."""

    provider_path = "service__provider"
    list_display = ("service", "provider", "kind", "proposed_by", "proposed_at", "state")
    list_filter = ("state", "kind")
    search_fields = ("service__name", "service__provider__name")
    list_select_related = ("service__provider", "proposed_by")

    @admin.display(ordering="service__provider__name")
    def provider(self, change):
        return change.service.provider

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_approve_permission(self, request):
        return request.user.has_perm("directory.approve_proposedchange")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        change = self.get_object(request, unquote(object_id))
        if change is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_permission(request, change):
            raise PermissionDenied
        can_decide = (
            self.has_approve_permission(request) and change.state == ProposedChange.State.WAITING
        )
        form = DecisionForm(request.POST if request.method == "POST" else None)
        if request.method == "POST":
            if not can_decide:
                raise PermissionDenied
            if form.is_valid() and self._decide(request, change, form):
                return redirect(
                    reverse("admin:directory_proposedchange_changelist") + "?state__exact=waiting"
                )
        service = change.service
        listing = listings.listing_of(service)
        found = (
            listings.differences(listing, change.listing)
            if change.kind == ProposedChange.Kind.EDIT
            else listings.differences(None, listing)
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"{change.get_kind_display()}: {service}",
            "change": change,
            "differences": found,
            "form": form,
            "can_decide": can_decide,
        }
        return TemplateResponse(request, "admin/directory/proposedchange/decide.html", context)

    def _decide(self, request, change, form) -> bool:
        try:
            if form.cleaned_data["decision"] == "approve":
                approvals.proposed_change_approve(change=change, by=request.user)
                done = f"Approved: “{change.service}” is live."
            else:
                approvals.proposed_change_reject(
                    change=change, by=request.user, reason=form.cleaned_data["reason"]
                )
                done = f"Rejected: “{change.service}” is unchanged and the provider is told why."
        except ValidationError as error:
            if getattr(error, "error_dict", {}).keys() <= set(form.fields):
                form.add_error(None, error)
            else:
                form.add_error(
                    None, "This change cannot go live as it is. Reject it with a reason."
                )
                for problem in _problems(error):
                    form.add_error(None, problem)
            return False
        self.message_user(request, done, messages.SUCCESS)
        return True


@admin.register(ProblemReport)
class ProblemReportAdmin(DirectoryAdmin):
    """The inbox of what families say is wrong with listings."""

    list_display = ("service_link", "kind", "state", "created_at", "handled_by")
    list_filter = ("state", "kind", ("created_at", admin.DateFieldListFilter))
    search_fields = ("service__name", "service__provider__name", "details")
    list_select_related = ("service", "handled_by")
    readonly_fields = ("service_link", "kind", "details", "email", "created_at", "handled_by")
    fields = (
        "service_link",
        "kind",
        "details",
        "email",
        "created_at",
        "state",
        "resolution_note",
        "handled_by",
    )

    @admin.display(description="listing", ordering="service__name")
    def service_link(self, report):
        url = reverse("admin:directory_service_change", args=[report.service_id])
        return format_html('<a href="{}">{}</a>', url, report.service)

    def save_model(self, request, obj, form, change):
        if form.changed_data:
            obj.handled_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(ReviewReminder)
class ReviewReminderAdmin(DirectoryAdmin):
    """What `manage.py send_review_reminders` sent: read-only."""

    list_display = ("provider", "sent_to", "sent_at")
    list_filter = ("sent_at",)
    search_fields = ("provider__name", "sent_to")
    list_select_related = ("provider",)
    readonly_fields = ("provider", "sent_to", "sent_at", "listings")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
