"""Imports run in the background (directory.import_jobs): their progress while they run, and
their results afterwards, read only."""

from django.contrib import admin
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path

from ..models import ImportJob
from .directory_admin import DirectoryAdmin
from .read_only import ReadOnlyAdmin


def progress_of(job: ImportJob) -> dict:
    """What the progress page shows, and its script reads while the import runs."""
    return {
        "state": job.state,
        "state_label": job.get_state_display(),
        "finished": job.is_finished,
        "percent": job.percent_done,
        "rows_total": job.rows_total,
        "rows_checked": job.rows_checked,
    }


@admin.register(ImportJob)
class ImportJobAdmin(ReadOnlyAdmin, DirectoryAdmin):
    """Each import's page is its progress while it runs and its result once it has finished."""

    list_display = (
        "__str__",
        "state",
        "rows_total",
        "rows_created",
        "rows_updated",
        "problem_count",
        "started_by",
        "created_at",
    )
    list_filter = ("state", "records")
    list_select_related = ("started_by",)
    date_hierarchy = None

    def get_urls(self):
        return [
            path(
                "<uuid:object_id>/progress/",
                self.admin_site.admin_view(self.progress_view),
                name="directory_importjob_progress",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if not self.has_view_permission(request):
            return super().change_view(request, object_id, form_url, extra_context)
        job = self.get_object(request, object_id)
        if job is None:
            raise Http404("No import has that address.")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": str(job),
            "job": job,
            "progress": progress_of(job),
        }
        return TemplateResponse(request, "admin/directory/importjob/progress.html", context)

    def progress_view(self, request, object_id):
        if not self.has_view_permission(request):
            return JsonResponse({"error": "Not allowed"}, status=403)
        job = get_object_or_404(self.get_queryset(request), pk=object_id)
        return JsonResponse(progress_of(job))
