"""Signing staff out after a spell without activity, so an unattended back office closes; the
warning before it (static/js/timeout-warning.js, the GOV.UK timeout warning pattern) and its
"Stay signed in" (keep_alive); and a save that arrives after the sign-out kept, not lost: it is
held in the session (directory.held_forms) and put back into its form, unsaved, once the same
person signs in again."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from directory import held_forms

LAST_SEEN = "staff_last_seen"
WRITE_EVERY_SECONDS = 60  # how stale the recorded time may get, to spare a write per request
WARN_SECONDS = 120  # the warning comes this long before the sign-out


def is_idle(last_seen: float | None, now: float, minutes: int) -> bool:
    return last_seen is not None and now - last_seen > minutes * 60


def warning_settings() -> dict:
    """What the timeout warning's script needs: how long a page may stay idle before the
    warning (the sign-out less the warning, less the time the recorded activity may lag)."""
    idle = settings.STAFF_IDLE_MINUTES * 60 - WRITE_EVERY_SECONDS
    return {
        "warn_after": max(idle - WARN_SECONDS, 0),
        "sign_out_after": max(idle, 0),
        "keep_alive_url": reverse("portal:staff-keep-alive"),
    }


class StaffIdleTimeoutMiddleware:
    """A staff user's session ends after STAFF_IDLE_MINUTES without a request; the next one
    goes to the sign-in page with a message. If it was a save (a POST), what it sent is kept
    for them, to be put back into the form after they sign in. Families' sessions are left
    alone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            now = time.time()
            last_seen = request.session.get(LAST_SEEN)
            if is_idle(last_seen, now, settings.STAFF_IDLE_MINUTES):
                return self.sign_out(request, user)
            if last_seen is None or now - last_seen > WRITE_EVERY_SECONDS:
                request.session[LAST_SEEN] = now
        return self.get_response(request)

    def sign_out(self, request, user):
        user_id = user.pk
        sent = request.POST.copy() if request.method == "POST" else None
        logout(request)
        message = (
            f"You were signed out after {settings.STAFF_IDLE_MINUTES} minutes without "
            "activity. Sign in again to carry on."
        )
        next_url = request.get_full_path()
        if sent is not None:
            key = held_forms.form_hold(
                request.session, user_id=user_id, path=request.path, data=sent
            )
            if key is not None:
                next_url = held_forms.restore_url(next_url, key)
                message += " What you were saving is kept: you can check it and save it then."
        messages.info(request, message)
        return redirect(f"{reverse('admin:login')}?{urlencode({'next': next_url})}")


@never_cache
@require_GET
def keep_alive(request):
    """The timeout warning's "Stay signed in": a staff user's activity, recorded now."""
    user = request.user
    if not (user.is_authenticated and user.is_staff):
        return JsonResponse({"signed_in": False}, status=403)
    request.session[LAST_SEEN] = time.time()
    return JsonResponse({"signed_in": True, **warning_settings()})
