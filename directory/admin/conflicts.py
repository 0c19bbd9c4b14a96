"""Edit conflicts in the back office's change forms (directory.edit_conflicts): the form
carries the revision it was opened on; a save over a newer revision is refused, writing
nothing, with a page showing both versions and three ways on: save mine over theirs, edit mine
again (the form comes back with my values, over the newer revision), or take theirs. The same
"bring my form back to check" also restores a save kept while the officer was signed out
(directory.held_forms)."""

from django import forms
from django.contrib.admin.utils import unquote
from django.template.response import TemplateResponse
from django.urls import reverse

from .. import edit_conflicts, held_forms
from ..edit_conflicts import SEEN, EditConflict
from ..models import Service

BROUGHT_BACK = "_brought_back"  # why a form is shown again rather than saved
REASONS = {
    "conflict": "Your changes are below, over the version saved since. Check them, then save.",
    "signed-out": (
        "You were signed out before your changes were saved. They are below, not saved yet: "
        "check them, then save."
    ),
}
NOT_RESENT = {"csrfmiddlewaretoken", SEEN, BROUGHT_BACK}


def with_seen_revision(form_class):
    """The admin's form for a guarded record, with the revision it was opened on hidden in it."""

    class SeenRevisionForm(form_class):
        seen_revision = forms.CharField(widget=forms.HiddenInput, required=False)

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if self.instance.pk is not None:
                self.fields[SEEN].initial = self.instance.revision or 0

        def clean(self):
            data = super().clean()
            # A form brought back to be checked is shown, never saved, however it was sent.
            reason = self.data.get(BROUGHT_BACK)
            if reason is not None:
                self.add_error(None, REASONS.get(reason, REASONS["conflict"]))
            return data

    SeenRevisionForm.__name__ = form_class.__name__
    return SeenRevisionForm


class ConflictGuarded:
    """For a ModelAdmin: its change form refuses a save over a newer revision of the record
    (see the module). Does nothing for a model without revisions."""

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        self.guarded = edit_conflicts.is_guarded(model)
        if self.guarded:
            self.form = with_seen_revision(self.form)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self.guarded or obj is None or not self.has_change_permission(request, obj):
            return fieldsets
        if any(SEEN in (options.get("fields") or ()) for _, options in fieldsets):
            return fieldsets
        return [*fieldsets, (None, {"fields": [SEEN], "classes": ["hidden"]})]

    def save_form(self, request, form, change):
        if self.guarded and change:
            try:
                edit_conflicts.revision_check(
                    model=self.model,
                    pk=form.instance.pk,
                    seen=edit_conflicts.seen_revision(form.cleaned_data.get(SEEN)),
                )
            except EditConflict as conflict:
                conflict.form = form
                raise
        return super().save_form(request, form, change)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if self.guarded and request.method == "GET" and held_forms.RESTORE in request.GET:
            self._bring_back_held(request)
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except EditConflict as conflict:
            return self.edit_conflict_response(request, object_id, conflict.form)

    def _bring_back_held(self, request):
        """Put a form kept in the session back into this page, to be shown, not saved."""
        data = held_forms.form_take(
            request.session,
            key=request.GET[held_forms.RESTORE],
            user_id=request.user.pk,
            path=request.path,
        )
        if data is None:
            return
        data[BROUGHT_BACK] = "signed-out"
        request.POST = data
        request.method = "POST"  # CSRF was checked for the GET; the form only renders

    def edit_conflict_response(self, request, object_id, form) -> TemplateResponse:
        """The conflict page: the record as saved now beside the officer's version."""
        current = self.get_object(request, unquote(object_id))
        if current is None:  # deleted since: Django's answer to a record that is not there
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        formsets = []
        if isinstance(current, Service):
            formsets, _ = self._create_formsets(request, current, change=True)
        conflict = edit_conflicts.conflict_of(current, form, formsets)
        resent = [
            (name, value)
            for name, values in request.POST.lists()
            if name not in NOT_RESENT
            for value in values
        ]
        change_url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[current.pk]
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": current,
            "title": f"“{current}” was changed while you were editing it",
            "conflict": conflict,
            "resent": resent,
            "seen_name": SEEN,
            "seen": current.revision or 0,
            "brought_back": BROUGHT_BACK,
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/directory/edit_conflict.html", context, status=409)
