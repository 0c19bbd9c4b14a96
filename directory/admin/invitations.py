"""On a provider's page: who may be linked to it (autocomplete scoped to the Provider role) and
inviting someone new by email (directory.invitations)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from ..invitations import provider_role_users, provider_staff_invite
from ..roles import acts_for_providers
from .forms import InvitationForm


class InvitesStaff:
    """For the providers' admin."""

    def may_invite(self, request, provider) -> bool:
        return self.has_change_permission(request, provider) and not acts_for_providers(
            request.user
        )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "users":
            kwargs["queryset"] = provider_role_users()
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_urls(self):
        return [
            path(
                "<uuid:object_id>/invite/",
                self.admin_site.admin_view(self.invite_view),
                name="directory_provider_invite",
            ),
            *super().get_urls(),
        ]

    def invite_view(self, request, object_id):
        provider = self.get_object(request, str(object_id))
        if provider is None:
            raise Http404("No provider you can see has that address.")
        if not self.may_invite(request, provider):
            raise PermissionDenied
        form = InvitationForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                user = provider_staff_invite(
                    provider=provider, by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                for field, problems in error.message_dict.items():
                    for problem in problems:
                        form.add_error(field, problem)
            else:
                self.message_user(
                    request,
                    f"{user.email} can now update {provider.name}'s listings: we have emailed "
                    "them.",
                    messages.SUCCESS,
                )
                return redirect(reverse("admin:directory_provider_change", args=[provider.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": provider,
            "title": f"Invite someone to update {provider.name}'s listings",
            "form": form,
        }
        return TemplateResponse(request, "admin/directory/provider/invite.html", context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if change and self.may_invite(request, obj):
            context["invite_url"] = reverse("admin:directory_provider_invite", args=[obj.pk])
        return super().render_change_form(request, context, add, change, form_url, obj)
