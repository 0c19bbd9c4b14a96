"""Services (listings) in the back office: their form with sessions and venues, the review
filter and "Mark as checked today", and providers' saves held for approval."""

from django.contrib import admin, messages
from django.db.models import Value
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from .. import approvals, reviews, services
from ..imports import ServiceResource
from ..models import Council, ProposedChange, Service, ServiceLocation, Session
from ..roles import acts_for_providers
from .changelists import BoundedDateHierarchy
from .forms import ServiceForm
from .history import VersionedAdmin
from .imports import Importable
from .listing_confirmations import ConfirmsListings
from .scoping import ProviderScoped


class SessionInline(admin.TabularInline):
    model = Session
    extra = 1
    fields = ("weekday", "start_time", "end_time", "period")


class ServiceLocationInline(ProviderScoped, admin.TabularInline):
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

    title = "review due"
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
class ServiceAdmin(
    ConfirmsListings, BoundedDateHierarchy, ProviderScoped, Importable, VersionedAdmin
):
    resource_classes = [ServiceResource]
    form = ServiceForm
    list_display = (
        "name",
        "provider",
        "ages",
        "tier",
        "status",
        "availability",
        "last_checked_on",
        "review_due",
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
        ("The listing", {"fields": ("provider", "name", "summary", "status")}),
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

    def get_queryset(self, request):
        """With the council's review cycle on each row, for the "review due" column."""
        months = Council.objects.current().review_every_months
        return super().get_queryset(request).annotate(review_months=Value(months))

    @admin.display(description="review due", ordering="last_checked_on")
    def review_due(self, service):
        due = reviews.review_due_on(service.last_checked_on, service.review_months)
        if due is None:
            return "Now (never checked)"
        overdue = due <= timezone.localdate()
        return f"{'Overdue since' if overdue else 'Due'} {due:%-d %b %Y}"

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
        if allowed and obj is not None:
            return approvals.listing_changeable_by(service=obj, user=request.user)
        return allowed

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

    # A listing is saved, or held for approval, by one call to directory.approvals from
    # save_related, the first hook that has the inlines as well as the form; the hooks after it
    # only show what that call did, which it leaves on the request.

    def save_model(self, request, obj, form, change):
        """Nothing yet: save_related saves the listing with its inlines, or holds them."""

    def save_related(self, request, form, formsets, change):
        request.listing_saved = approvals.listing_save(
            form=form, formsets=formsets, by=request.user, created=not change
        )

    def construct_change_message(self, request, form, formsets, add=False):
        if request.listing_saved.held:
            return "Proposed a change for approval."
        return super().construct_change_message(request, form, formsets, add)

    def response_change(self, request, obj):
        if not request.listing_saved.held:
            return super().response_change(request, obj)
        self.message_user(
            request,
            "Your changes have been sent to the council for approval. The live "
            "listing stays as it is until an editor approves them; you will get an email.",
            messages.SUCCESS,
        )
        return redirect(reverse("admin:directory_service_changelist"))

    def response_add(self, request, obj, post_url_continue=None):
        if request.listing_saved.proposed is not None:
            self.message_user(
                request,
                "It is a draft until an editor approves it; you will get an email.",
                messages.INFO,
            )
        return super().response_add(request, obj, post_url_continue)
