"""The council's own configuration in the back office: one row, edited, never added or deleted
(ADR 0003)."""

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse

from ..models import Council
from .directory_admin import DirectoryAdmin
from .forms import CouncilForm


@admin.register(Council)
class CouncilAdmin(DirectoryAdmin):
    form = CouncilForm
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
        (
            "Young adults (16 to 25)",
            {
                "fields": (
                    "adult_social_care_name",
                    "adult_social_care_phone",
                    "adult_social_care_email",
                    "adult_social_care_url",
                    "transition_team_name",
                    "transition_team_phone",
                    "transition_team_email",
                    "transition_team_url",
                ),
                "description": "Shown to young adults whose eligibility result points beyond "
                "short breaks for children.",
            },
        ),
        ("Other links", {"fields": ("local_offer_url", "feedback_email")}),
        ("Finding short breaks", {"fields": ("search_radius_miles",)}),
        ("Review cycle", {"fields": ("review_every_months",)}),
        ("Reports", {"fields": ("supply_threshold",)}),
        (
            "Personal assistants register",
            {"fields": ("pa_dbs_valid_years", "direct_payments_guidance_url")},
        ),
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
