"""Providers and their venues in the back office."""

from django.contrib import admin, messages

from .. import services
from ..imports import ProviderResource, VenueResource
from ..models import Provider, Venue
from ..venue_positions import unlocated_warning
from .history import VersionedAdmin
from .imports import Importable
from .invitations import InvitesStaff
from .scoping import ProviderScoped


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
class ProviderAdmin(InvitesStaff, ProviderScoped, Importable, VersionedAdmin):
    resource_classes = [ProviderResource]
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
            if warning := unlocated_warning(venue):
                self.message_user(request, warning, messages.WARNING)
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
        if warning := unlocated_warning(obj):
            self.message_user(request, warning, messages.WARNING)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.services_refresh_derived_fields(
            service_ids=list(form.instance.service_locations.values_list("service_id", flat=True))
        )
