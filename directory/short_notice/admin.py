"""Short-notice places in the back office, where providers keep their listings: a provider
user posts, marks taken and withdraws places on its own organisation's services; an editor on
any. Saves go through directory.short_notice.services. And email alerts, for a commissioner to
find and delete one on request."""

from django.contrib import admin, messages
from django.utils import timezone

from ..admin.directory_admin import DirectoryAdmin
from ..admin.scoping import ProviderScoped
from ..models import Service
from ..roles import acts_for_providers
from .forms import PlaceAdminForm
from .models import Alert, PlaceStatus, ShortNoticePlace
from .services import place_mark_taken, place_save, place_withdraw


class OfferedFilter(admin.SimpleListFilter):
    """Places families can see now, and those they cannot any more."""

    title = "on the families' pages"
    parameter_name = "offered"

    def lookups(self, request, model_admin):
        return [("yes", "Offered now"), ("no", "Over, taken or withdrawn")]

    def queryset(self, request, queryset):
        open_now = ShortNoticePlace.objects.open_at(timezone.now()).values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=open_now)
        if self.value() == "no":
            return queryset.exclude(pk__in=open_now)
        return queryset


@admin.register(ShortNoticePlace)
class ShortNoticePlaceAdmin(ProviderScoped, DirectoryAdmin):
    form = PlaceAdminForm
    list_display = ("service", "starts_on", "places", "kind", "offered_until", "status")
    list_filter = (OfferedFilter, "status", "kind")
    list_select_related = ("service", "kind")
    search_fields = ("service__name", "service__provider__name")
    autocomplete_fields = ("needs",)
    date_hierarchy = "starts_on"
    actions = ["mark_taken", "withdraw"]
    readonly_fields = ("status", "posted_by", "posted_at", "closed_by", "closed_at")
    fieldsets = (
        (None, {"fields": ("service", "kind")}),
        ("When", {"fields": ("starts_on", "ends_on", "start_time", "end_time")}),
        ("Who it suits", {"fields": ("places", "min_age", "max_age", "needs")}),
        ("How to claim it", {"fields": ("claim_by", "claim_phone", "claim_email", "notes")}),
        ("Offer", {"fields": ("offered_until", "status", "posted_by", "posted_at")}),
        ("Closed", {"fields": ("closed_by", "closed_at")}),
    )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "service":
            # Only live listings, and a provider user's own organisation's.
            kwargs["queryset"] = (
                Service.objects.published().visible_to(request.user).select_related("provider")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        # A place taken or withdrawn is a record of what happened: it is not edited.
        if obj is not None and obj.status != PlaceStatus.OPEN:
            return False
        return super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        place_save(place=obj, needs=form.cleaned_data.get("needs") or [], by=request.user)

    def save_related(self, request, form, formsets, change):
        pass  # place_save has saved the needs

    def _close(self, request, queryset, close, done: str):
        closed = sum(close(place=place, by=request.user) for place in queryset)
        self.message_user(request, f"{closed} place{'s' if closed != 1 else ''} {done}.")
        if closed < queryset.count():
            self.message_user(
                request, "Places already taken or withdrawn were left as they were.", messages.INFO
            )

    @admin.action(description="Mark as taken", permissions=["change"])
    def mark_taken(self, request, queryset):
        self._close(request, queryset, place_mark_taken, "marked as taken")

    @admin.action(description="Withdraw", permissions=["change"])
    def withdraw(self, request, queryset):
        self._close(request, queryset, place_withdraw, "withdrawn")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("service")

    def has_delete_permission(self, request, obj=None):
        # The report counts what was offered: places are withdrawn, never deleted, except by
        # a superuser.
        return request.user.is_superuser and not acts_for_providers(request.user)


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    """Families' email alerts: found by address, to delete one on request."""

    list_display = ("email", "frequency", "created_at", "confirmed_at", "renewed_at")
    list_filter = ("frequency",)
    search_fields = ("email",)
    readonly_fields = (
        "email",
        "search",
        "frequency",
        "created_at",
        "confirmed_at",
        "renewed_at",
        "last_sent_at",
    )

    def has_add_permission(self, request):
        return False
