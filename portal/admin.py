"""The Short Breaks Statement in the back office: commissioners write a draft's sections, preview
it as families will see it, and publish it; a published version is read-only, so a change is a
new draft made from it. The site itself is portal.admin_site.PortalAdminSite."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from directory.admin.conflicts import ConflictGuarded
from directory.admin.history import history_response
from directory.admin.object_pages import object_or_404
from directory.admin.read_only import PublishedIsReadOnly, PublishedIsReadOnlyInline

# lockouts_admin and staff_admin replace django-axes' and django.contrib.auth's own pages.
from . import lockouts_admin, services, staff_admin, statement_history  # noqa: F401
from .models import Statement, StatementSection
from .reports import activity  # noqa: F401 (the activity log's page)


class StatementSectionInline(PublishedIsReadOnlyInline, admin.StackedInline):
    model = StatementSection
    fields = ("position", "heading", "kind", "body")
    extra = 1


@admin.register(Statement)
class StatementAdmin(ConflictGuarded, PublishedIsReadOnly, admin.ModelAdmin):
    list_display = ("number", "title", "status", "effective_on", "review_due_on", "published_at")
    list_display_links = ("number", "title")
    list_filter = ("status",)
    fields = (
        "title",
        "effective_on",
        "review_due_on",
        "number",
        "status",
        "approved_by",
        "published_at",
        "superseded_at",
    )
    readonly_fields = ("number", "status", "approved_by", "published_at", "superseded_at")
    inlines = [StatementSectionInline]
    change_form_template = "admin/portal/statement/change_form.html"
    object_history_template = "admin/directory/history.html"

    def has_publish_permission(self, request) -> bool:
        return request.user.has_perm("portal.publish_statement")

    def save_model(self, request, obj, form, change):
        obj.skip_history_when_saving = True  # one version, once the sections are saved too
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        statement = form.instance
        del statement.skip_history_when_saving
        services.statement_version_record(statement=statement, created=not change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(
            can_publish=obj is not None
            and obj.is_editable
            and self.has_publish_permission(request),
            can_start_draft=obj is not None
            and not obj.is_editable
            and self.has_add_permission(request),
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        def view(function, name):
            return path(
                f"<path:object_id>/{name}/",
                self.admin_site.admin_view(function),
                name=f"portal_statement_{name.replace('-', '_')}",
            )

        return [
            view(self.publish_view, "publish"),
            view(self.new_draft_view, "new-draft"),
            *super().get_urls(),
        ]

    def _statement_or_404(self, request, object_id) -> Statement:
        return object_or_404(
            self, request, object_id, missing="No version of the Statement has that address."
        )

    def _done(self, request, version: Statement, message: str):
        """Back to the version's page, saying what was done."""
        messages.success(request, message)
        return redirect("admin:portal_statement_change", version.pk)

    def _page(self, request, template, statement, **extra):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": statement,
            "change_url": reverse("admin:portal_statement_change", args=[statement.pk]),
            **extra,
        }
        return TemplateResponse(request, f"admin/portal/statement/{template}", context)

    def publish_view(self, request, object_id):
        """A draft's checks and what publishing will do; publishing on confirmation."""
        statement = self._statement_or_404(request, object_id)
        if not self.has_publish_permission(request):
            raise PermissionDenied
        problems = services.statement_publish_problems(statement)
        if request.method == "POST" and not problems:
            try:
                services.statement_publish(
                    statement=statement, by=request.user, today=timezone.localdate()
                )
            except ValidationError as error:
                problems = error.messages
            else:
                return self._done(
                    request,
                    statement,
                    f"Version {statement.number} is published: families now see it on the "
                    "website, and the version before it is in the archive.",
                )
        return self._page(
            request,
            "publish.html",
            statement,
            title=f"Publish version {statement.number}",
            problems=problems,
            current=Statement.objects.published().first(),
        )

    def new_draft_view(self, request, object_id):
        """A new draft with a published or superseded version's sections, on confirmation."""
        statement = self._statement_or_404(request, object_id)
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            draft = services.statement_draft_from(
                statement=statement, by=request.user, today=timezone.localdate()
            )
            return self._done(
                request,
                draft,
                f"Version {draft.number} is a new draft made from version {statement.number}. "
                "Edit it, preview it, then publish it.",
            )
        return self._page(
            request,
            "new_draft.html",
            statement,
            title=f"Start a new draft from version {statement.number}",
        )

    def history_view(self, request, object_id, extra_context=None):
        statement = self._statement_or_404(request, object_id)
        return history_response(
            self, request, statement, versions=statement_history.VERSIONS, can_revert=False
        )
