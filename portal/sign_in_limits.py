"""How many wrong sign-ins the back office takes (django-axes): per account at one address,
and per address whatever accounts it tries, each locked for a fixed time."""

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render

from .presenters import describe_duration

# The order of settings.AXES_LOCKOUT_PARAMETERS: the attempts of one account at one address,
# then all the attempts from that address.
ACCOUNT_AT_ADDRESS, ADDRESS = 0, 1


class StaffSignInHandler(AxesDatabaseHandler):
    """django-axes' database handler with two limits instead of one: AXES_FAILURE_LIMIT for an
    account at an address, AXES_ADDRESS_FAILURE_LIMIT for an address across accounts, so one
    address cannot guess a few passwords of every account."""

    def get_failures(self, request, credentials=None) -> int:
        """The failures that count toward a lockout, against AXES_FAILURE_LIMIT: the account's
        at this address, or the limit itself once the address has used up its own."""
        totals = [
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]
        if totals[ADDRESS] >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            return max(totals[ACCOUNT_AT_ADDRESS], settings.AXES_FAILURE_LIMIT)
        return totals[ACCOUNT_AT_ADDRESS]

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A good sign-in clears its own account's failures at this address only: signing in to
        one's own account must not wipe the address's failures on others."""
        attempts = self.filter_user_attempts(request, credentials)[ACCOUNT_AT_ADDRESS]
        count, _ = attempts.delete()
        return count


def locked_out(request, original_response=None, credentials=None):
    """The lockout page, saying how long in words ('30 minutes')."""
    minutes = describe_duration(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return render(request, "admin/locked_out.html", {"cooloff_time": minutes}, status=429)
