"""The review reminders emailed to providers, in the back office: read-only."""

from django.contrib import admin

from ..models import ReviewReminder
from .directory_admin import DirectoryAdmin


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
