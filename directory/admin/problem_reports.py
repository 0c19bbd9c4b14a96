"""Problem reports in the back office: the inbox of what families say is wrong with listings."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from ..models import ProblemReport
from .directory_admin import DirectoryAdmin


@admin.register(ProblemReport)
class ProblemReportAdmin(DirectoryAdmin):
    """The inbox of what families say is wrong with listings."""

    # The report itself is the link to open it; the listing links to the listing. (A link to
    # the listing as the first column put one link inside another, and the report's was empty.)
    list_display = ("kind", "service_link", "state", "created_at", "handled_by")
    list_display_links = ("kind",)
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
