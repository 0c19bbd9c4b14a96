"""Two-factor authentication for staff (TOTP from an authenticator app, with django-otp):
who must give a code, checking one at sign-in, and setting up an app."""

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from directory.roles import COMMISSIONER, has_role

TOKEN_ATTRS = {"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}


def has_authenticator(user) -> bool:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def must_use_two_factor(user) -> bool:
    """Whether the user may use the back office only after giving a code: anyone who has set
    up an app, and commissioners when the council requires it. Asked several times while one
    admin page is made, so kept on the user (a new one each request)."""
    if not hasattr(user, "_must_use_two_factor"):
        user._must_use_two_factor = has_authenticator(user) or (
            settings.TWO_FACTOR_FOR_COMMISSIONERS and has_role(user, COMMISSIONER)
        )
    return user._must_use_two_factor


def second_factor_missing(user) -> bool:
    return user.is_authenticated and not user.is_verified() and must_use_two_factor(user)


class StaffLoginForm(AdminAuthenticationForm):
    """The back office's sign-in: a username and password, and the code from an authenticator
    app for those who have set one up. All three are checked together and any mistake gets the
    same message, so the form never tells a guesser that a password was right; a wrong code
    counts toward the lockout as a wrong password does."""

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": (
            "The username, password or code is wrong. Check them and try again (the code is "
            "needed only if you have set up an authenticator app)."
        ),
    }

    otp_token = forms.CharField(
        label="Code from your authenticator app (only if you have set one up)",
        required=False,
        max_length=8,
        widget=forms.TextInput(attrs=TOKEN_ATTRS),
    )

    def clean(self):
        data = super().clean()
        user = self.user_cache
        if user is not None and has_authenticator(user):
            token = (data.get("otp_token") or "").strip()
            device = match_token(user, token) if token else None
            if device is None:
                self.user_cache = None
                user_login_failed.send(
                    sender=__name__,
                    credentials={"username": data.get("username")},
                    request=self.request,
                )
                raise self.get_invalid_login_error()
            user.otp_device = device  # django-otp remembers it when the user is signed in
        return data


class CodeForm(forms.Form):
    """A code from the authenticator app being set up, to show it works."""

    token = forms.CharField(
        label="Code from your authenticator app",
        max_length=8,
        widget=forms.TextInput(attrs=TOKEN_ATTRS),
        error_messages={"required": "Enter the 6-digit code from your authenticator app."},
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        token = self.cleaned_data["token"].strip()
        if not self.device.verify_token(token):
            raise forms.ValidationError(
                "The code is wrong or has expired. Enter the code your app shows now."
            )
        return token
