"""The page an invitation's link opens: choose a password, then sign in to the back office
(directory.invitations). A GOV.UK page, outside the back office, since the invited person cannot
sign in yet."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect, render
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .forms import InvitationPasswordForm
from .invitations import invitation_tokens


def _invited(uidb64: str, token: str):
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError):
        return None
    user = get_user_model().objects.filter(pk=pk, is_active=True).first()
    return user if user is not None and invitation_tokens.check_token(user, token) else None


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def invitation(request, uidb64, token):
    """Set a password from an invitation: once, before it expires."""
    user = _invited(uidb64, token)
    if user is None:
        return render(request, "directory/invitation/expired.html", status=410)
    form = InvitationPasswordForm(user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your password is set. Sign in with your user name and it.")
        return redirect("admin:login")
    return render(
        request, "directory/invitation/set_password.html", {"form": form, "invited": user}
    )
