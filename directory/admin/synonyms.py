"""Words that mean the same to families, in the back office: the council's synonym groups,
which keyword search reads (directory.keywords). Each save is a version on the History page."""

from django import forms
from django.contrib import admin

from ..models import SynonymGroup
from ..models.synonyms import ENTER_WORDS
from .history import VersionedAdmin


@admin.register(SynonymGroup)
class SynonymGroupAdmin(VersionedAdmin):
    list_display = ("words", "updated_at")
    search_fields = ("words",)
    fields = ("words",)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "words":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "cols": 80})
            kwargs["error_messages"] = {"required": ENTER_WORDS}
        return super().formfield_for_dbfield(db_field, request, **kwargs)
