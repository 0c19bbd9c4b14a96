"""A record's History page in the back office: its versions with what each changed, any two
compared field by field, and, for the council's officers, reverting to one. The Statement's
History page (portal.admin) is this page too."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from .. import history
from ..history import VersionFormat
from ..roles import acts_for_providers
from .archive import Archived
from .conflicts import ConflictGuarded
from .directory_admin import DirectoryAdmin
from .object_pages import object_or_404
from .validation_problems import listing_problems

HISTORY_PAGE = 200  # versions shown on a record's history page
HISTORY_TEMPLATE = "admin/directory/history.html"
CHOOSE_TWO = "Choose two different versions to compare."


def history_response(
    model_admin, request, obj, *, versions: VersionFormat, can_revert: bool
) -> TemplateResponse:
    """The record's newest versions, each with what it changed, and, when the page is asked to
    compare two of them (?older=&newer=, history ids), what differs between the two in order
    of time. Ids not on the page get a message, never an error."""
    records = list(
        obj.history.select_related("history_user").order_by("-history_date", "-history_id")[
            :HISTORY_PAGE
        ]
    )
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "object": obj,
        "title": f"History: {obj}",
        "rows": history.version_rows(records, versions),
        "can_revert": can_revert,
    }
    if "older" in request.GET or "newer" in request.GET:
        by_id = {str(record.history_id): record for record in records}
        older, newer = by_id.get(request.GET.get("older")), by_id.get(request.GET.get("newer"))
        if older is None or newer is None or older == newer:
            context["compare_error"] = CHOOSE_TWO
        else:
            if older.history_date > newer.history_date:
                older, newer = newer, older
            context.update(
                older=older,
                newer=newer,
                differences=versions.differences(
                    versions.snapshot(older), versions.snapshot(newer)
                ),
            )
    return TemplateResponse(request, HISTORY_TEMPLATE, context)


class VersionedAdmin(Archived, ConflictGuarded, DirectoryAdmin):
    """A record's "History" page lists its versions (directory.history) with what each changed;
    any two can be compared, and the council's officers can revert to one after confirming.
    Its change form refuses a save over someone else's (directory.admin.conflicts), and a
    deleted provider, venue or service can be restored (directory.admin.archive)."""

    object_history_template = HISTORY_TEMPLATE

    def get_urls(self):
        return [
            path(
                "<path:object_id>/history/<int:version_id>/revert/",
                self.admin_site.admin_view(self.revert_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_revert",
            ),
            *super().get_urls(),
        ]

    def has_revert_permission(self, request, obj) -> bool:
        """Reverting is the council's: anyone who may change the record, except providers."""
        return self.has_change_permission(request, obj) and not acts_for_providers(request.user)

    def history_view(self, request, object_id, extra_context=None):
        obj = object_or_404(self, request, object_id)
        return history_response(
            self,
            request,
            obj,
            versions=history.record_versions(type(obj)),
            can_revert=self.has_revert_permission(request, obj),
        )

    def revert_view(self, request, object_id, version_id):
        obj = object_or_404(self, request, object_id)
        if not self.has_revert_permission(request, obj):
            raise PermissionDenied
        record = obj.history.select_related("history_user").filter(history_id=version_id).first()
        if record is None:
            raise Http404("This record has no such version.")
        history_url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_history", args=[obj.pk]
        )
        problems = []
        if request.method == "POST":
            try:
                history.version_revert(obj=obj, record=record, by=request.user)
            except ValidationError as error:
                problems = listing_problems(error)
            else:
                self.message_user(
                    request,
                    f"“{obj}” is back as it was on {record.history_date:%d %B %Y at %H:%M}. "
                    "The revert is the newest version below.",
                    messages.SUCCESS,
                )
                return redirect(history_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "record": record,
            "title": f"Revert “{obj}”",
            "differences": history.revert_differences(obj, record),
            "problems": problems,
            "history_url": history_url,
        }
        return TemplateResponse(request, "admin/directory/revert.html", context)
