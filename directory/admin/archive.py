"""Deleted providers, venues and services in the back office (directory.archive): a list of
them from each change list, restoring one after confirming, and, for commissioners only,
deleting one for good."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from .. import archive
from ..roles import acts_for_providers
from .validation_problems import listing_problems

CHANGE_LIST = "admin/directory/change_list_with_deleted.html"


class Archived:
    """For a ModelAdmin of a model directory.archive keeps: "Deleted <records>" beside the
    change list's tools, and the pages to restore or delete one for good."""

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        self.archived = archive.is_archived(model)
        if self.archived:
            self.base_change_list_template = self.change_list_template or "admin/change_list.html"
            self.change_list_template = CHANGE_LIST

    def _name(self, action: str) -> str:
        return f"{self.opts.app_label}_{self.opts.model_name}_{action}"

    def get_urls(self):
        if not self.archived:
            return super().get_urls()
        view = self.admin_site.admin_view
        return [
            path("deleted/", view(self.deleted_view), name=self._name("deleted")),
            path(
                "deleted/<uuid:pk>/restore/",
                view(self.restore_view),
                name=self._name("restore"),
            ),
            path("deleted/<uuid:pk>/purge/", view(self.purge_view), name=self._name("purge")),
            *super().get_urls(),
        ]

    def has_restore_permission(self, request) -> bool:
        """The council's officers who may delete such records may bring them back."""
        return self.has_delete_permission(request) and not acts_for_providers(request.user)

    def has_purge_permission(self, request) -> bool:
        """Deleting for good is a commissioner's (the purge_<model> permission)."""
        return request.user.has_perm(f"{self.opts.app_label}.purge_{self.opts.model_name}")

    def changelist_view(self, request, extra_context=None):
        if self.archived:
            extra_context = {
                **(extra_context or {}),
                "base_change_list": self.base_change_list_template,
                "deleted_url": reverse(f"admin:{self._name('deleted')}")
                if self.has_restore_permission(request)
                else None,
            }
        return super().changelist_view(request, extra_context)

    def response_delete(self, request, obj_display, obj_id):
        if self.archived and self.has_restore_permission(request):
            self.message_user(
                request,
                f"It can be restored from Deleted {self.opts.verbose_name_plural}.",
                messages.INFO,
            )
        return super().response_delete(request, obj_display, obj_id)

    def _context(self, request, title: str, **more) -> dict:
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "deleted_url": reverse(f"admin:{self._name('deleted')}"),
            "can_purge": self.has_purge_permission(request),
            **more,
        }

    def deleted_view(self, request):
        if not self.has_restore_permission(request):
            raise PermissionDenied
        rows = archive.deleted_records(self.model)
        context = self._context(request, f"Deleted {self.opts.verbose_name_plural}", rows=rows)
        return TemplateResponse(request, "admin/directory/deleted_list.html", context)

    def _deleted_or_404(self, pk):
        deleted = archive.deleted_record(self.model, pk)
        if deleted is None:
            raise Http404("Nothing deleted has that address: it was restored or deleted for good.")
        return deleted

    def restore_view(self, request, pk):
        if not self.has_restore_permission(request):
            raise PermissionDenied
        deleted = self._deleted_or_404(pk)
        problems = []
        if request.method == "POST":
            try:
                restored = archive.record_restore(model=self.model, pk=pk, by=request.user)
            except ValidationError as error:
                problems = listing_problems(error)
            else:
                self.message_user(request, f"“{restored}” is restored.", messages.SUCCESS)
                return redirect(reverse(f"admin:{self._name('change')}", args=[restored.pk]))
        context = self._context(
            request, f"Restore “{deleted.name}”", deleted=deleted, problems=problems
        )
        return TemplateResponse(request, "admin/directory/deleted_restore.html", context)

    def purge_view(self, request, pk):
        if not self.has_purge_permission(request):
            raise PermissionDenied
        deleted = self._deleted_or_404(pk)
        if request.method == "POST":
            archive.record_purge(model=self.model, pk=pk)
            self.message_user(request, f"“{deleted.name}” is deleted for good.", messages.SUCCESS)
            return redirect(reverse(f"admin:{self._name('deleted')}"))
        context = self._context(request, f"Delete “{deleted.name}” for good", deleted=deleted)
        return TemplateResponse(request, "admin/directory/deleted_purge.html", context)
