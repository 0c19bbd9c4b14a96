"""The back office's admin site: Django's, with the staff sign-in of portal.two_factor."""

from base64 import b32encode
from functools import partial

from django.contrib import admin, messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import two_factor
from .reports import views as reports


class PortalAdminSite(admin.AdminSite):
    site_header = "Short breaks back office"
    site_title = "Short breaks back office"
    index_title = "Keep the short breaks offer up to date"
    login_form = two_factor.StaffLoginForm

    def has_permission(self, request):
        return super().has_permission(request) and not two_factor.second_factor_missing(
            request.user
        )

    @method_decorator(never_cache)
    def login(self, request, extra_context=None):
        if (
            request.method == "GET"
            and request.user.is_active
            and request.user.is_staff
            and two_factor.second_factor_missing(request.user)
        ):
            return redirect("admin:two-factor")
        return super().login(request, extra_context)

    def get_urls(self):
        return [
            path("two-factor/", self.two_factor_view, name="two-factor"),
            path(
                "reports/",
                self.admin_view(partial(reports.reports_index, self)),
                name="reports",
            ),
            path(
                "reports/<slug:slug>/",
                self.admin_view(partial(reports.report_page, self)),
                name="report",
            ),
            *super().get_urls(),
        ]

    @method_decorator(never_cache)
    def two_factor_view(self, request):
        """Set up an authenticator app (a key to type in, then a code to show it works), or,
        for someone who has one, give the current code to go on."""
        user = request.user
        if not (user.is_active and user.is_staff):
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        device = TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
        form = two_factor.CodeForm(request.POST or None, device=device)
        if request.method == "POST" and form.is_valid():
            if not device.confirmed:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                messages.success(request, "Two-factor authentication is set up.")
            otp_login(request, device)
            return redirect(reverse("admin:index"))
        context = {
            **self.each_context(request),
            "title": "Two-factor authentication",
            "form": form,
            "setting_up": not device.confirmed,
            "key": b32encode(device.bin_key).decode(),
            "config_url": device.config_url,
        }
        return TemplateResponse(request, "admin/two_factor.html", context)
