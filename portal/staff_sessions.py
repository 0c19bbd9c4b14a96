"""Signing staff out after a spell without activity, so an unattended back office closes."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

LAST_SEEN = "staff_last_seen"
WRITE_EVERY_SECONDS = 60  # how stale the recorded time may get, to spare a write per request


def is_idle(last_seen: float | None, now: float, minutes: int) -> bool:
    return last_seen is not None and now - last_seen > minutes * 60


class StaffIdleTimeoutMiddleware:
    """A staff user's session ends after STAFF_IDLE_MINUTES without a request; the next one
    goes to the sign-in page with a message. Families' sessions are left alone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            now = time.time()
            last_seen = request.session.get(LAST_SEEN)
            if is_idle(last_seen, now, settings.STAFF_IDLE_MINUTES):
                logout(request)
                messages.info(
                    request,
                    f"You were signed out after {settings.STAFF_IDLE_MINUTES} minutes without "
                    "activity. Sign in again to carry on.",
                )
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse('admin:login')}?{query}")
            if last_seen is None or now - last_seen > WRITE_EVERY_SECONDS:
                request.session[LAST_SEEN] = now
        return self.get_response(request)
