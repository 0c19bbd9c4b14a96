"""'It is still correct': a provider user (or an officer) confirms a published listing in one
click from its page in the back office. The listing counts as checked today by them and gets a
version naming them; nothing waits for approval, since nothing changed
(directory.listing_confirmations)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from ..listing_confirmations import listing_confirm


class ConfirmsListings:
    """For the services' admin: the confirm button on a published listing's page, and the
    address it posts to."""

    def may_confirm(self, request, service) -> bool:
        return (
            service is not None
            and service.is_published
            and self.has_view_permission(request, service)
            and request.user.has_perm("directory.change_service")
        )

    def get_urls(self):
        return [
            path(
                "<uuid:object_id>/confirmed/",
                self.admin_site.admin_view(self.confirmed_view),
                name="directory_service_confirmed",
            ),
            path(
                "<uuid:object_id>/confirm/",
                self.admin_site.admin_view(require_POST(self.confirm_view)),
                name="directory_service_confirm",
            ),
            *super().get_urls(),
        ]

    def confirm_view(self, request, object_id):
        service = self.get_object(request, str(object_id))  # None if not the user's to see
        if service is None:
            raise Http404("No listing you can see has that address.")
        if not self.may_confirm(request, service):
            raise PermissionDenied
        listing_confirm(service=service, on=timezone.localdate(), by=request.user)
        return redirect(reverse("admin:directory_service_confirmed", args=[service.pk]))

    def confirmed_view(self, request, object_id):
        """What a confirmation did: the listing as now checked, and where to go next."""
        service = self.get_object(request, str(object_id))
        if service is None:
            raise Http404("No listing you can see has that address.")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": service,
            "title": f"{service.name} is marked as still correct",
        }
        return TemplateResponse(request, "admin/directory/service/confirmed.html", context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if change and self.may_confirm(request, obj):
            context["confirm_listing_url"] = reverse(
                "admin:directory_service_confirm", args=[obj.pk]
            )
        return super().render_change_form(request, context, add, change, form_url, obj)
