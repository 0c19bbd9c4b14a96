"""The council's lists in the back office: localities and their postcode districts, needs,
kinds of break, accessibility features and age bands."""

from django.contrib import admin

from .. import services
from ..models import (
    AccessibilityFeature,
    AgeBand,
    BreakKind,
    Locality,
    Need,
    PostcodeDistrict,
)
from .directory_admin import DirectoryAdmin
from .history import VersionedAdmin


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
