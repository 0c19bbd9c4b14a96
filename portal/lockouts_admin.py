"""Staff sign-in lockouts in the back office: commissioners see who is locked out, from where
and until when, and lift a lockout (django-axes' failed attempts, deleted)."""

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin, messages
from django.db.models import OuterRef, Subquery, Sum
from django.utils import timezone

from directory.admin.changelists import BoundedDateHierarchy

admin.site.unregister(AccessAttempt)


def _address_failures():
    """The failures of the attempt's address across every username, within the cool-off."""
    recent = AccessAttempt.objects.filter(
        ip_address=OuterRef("ip_address"),
        attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME,
    )
    totals = recent.order_by().values("ip_address").annotate(total=Sum("failures_since_start"))
    return Subquery(totals.values("total")[:1])


@admin.register(AccessAttempt)
class LockoutAdmin(BoundedDateHierarchy, admin.ModelAdmin):
    list_display = ("username", "ip_address", "failures_since_start", "attempt_time", "status")
    list_display_links = None
    search_fields = ("username", "ip_address")
    date_hierarchy = "attempt_time"
    ordering = ("-attempt_time",)
    actions = ["lift"]
    fields = ("username", "ip_address", "failures_since_start", "attempt_time", "user_agent")
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(address_failures=_address_failures())

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="Status")
    def status(self, attempt) -> str:
        until = attempt.attempt_time + settings.AXES_COOLOFF_TIME
        if until <= timezone.now():
            return "Expired: no longer counted"
        local = timezone.localtime(until).strftime("%-d %B %Y at %-I:%M%p").replace(":00", "")
        if attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT:
            return f"Account locked at this address until {local.lower()}"
        if (attempt.address_failures or 0) >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            return f"Address locked for every account until {local.lower()}"
        left = settings.AXES_FAILURE_LIMIT - attempt.failures_since_start
        return f"{left} more wrong attempt{'' if left == 1 else 's'} before a lockout"

    @admin.action(
        description="Lift the lockout (forget these failed sign-ins)", permissions=["delete"]
    )
    def lift(self, request, queryset):
        count, _ = queryset.delete()
        self.message_user(
            request,
            f"Lockout lifted: {count} failed sign-in record{'' if count == 1 else 's'} removed.",
            messages.SUCCESS,
        )
