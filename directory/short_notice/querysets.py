"""Reading places and alerts: chainable, side-effect-free queryset methods."""

import datetime as dt

from django.db import models
from django.utils import timezone

from ..querysets.provider_scope import ProviderScopedQuerySet

SOON_DAYS = 14  # how far ahead the families' page looks
UNCONFIRMED_DAYS = 7  # an alert not confirmed by then is deleted
LAPSE_DAYS = 365  # an alert not renewed within a year of its confirmation or last renewal


class PlaceQuerySet(ProviderScopedQuerySet):
    users_lookup = "service__provider__users"

    def open_at(self, now: dt.datetime):
        """Places families can claim at `now`: offered, not yet started, the offer not ended,
        on a published service. Expired places drop out of this by themselves."""
        return self.offered_from(timezone.localdate(now)).filter(
            offered_until__gt=now, service__status="published"
        )

    def offered_from(self, day: dt.date):
        """Places still offered (not taken or withdrawn) that start on or after the day: every
        place open_at may give that day, and few more (the index short_notice_open)."""
        return self.filter(status="open", starts_on__gte=day)

    def starting_by(self, last_day: dt.date):
        """Places that start on or before the day."""
        return self.filter(starts_on__lte=last_day)

    def soon(self, now: dt.datetime):
        """Open places that start within the next SOON_DAYS days, soonest first."""
        last_day = timezone.localdate(now) + dt.timedelta(days=SOON_DAYS)
        return self.open_at(now).starting_by(last_day).order_by("starts_on", "start_time", "pk")

    def of_services(self, ids):
        """The places on these services."""
        return self.filter(service_id__in=ids)


class AlertQuerySet(models.QuerySet):
    def confirmed(self):
        """Alerts their family has confirmed."""
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed_since(self, now: dt.datetime):
        """Alerts asked for more than UNCONFIRMED_DAYS ago and never confirmed."""
        cutoff = now - dt.timedelta(days=UNCONFIRMED_DAYS)
        return self.filter(confirmed_at__isnull=True, created_at__lt=cutoff)

    def lapsed(self, now: dt.datetime):
        """Confirmed alerts not renewed within LAPSE_DAYS of their confirmation or renewal."""
        return self.confirmed().filter(renewed_at__lt=now - dt.timedelta(days=LAPSE_DAYS))

    def live(self, now: dt.datetime):
        """Confirmed alerts that have not lapsed."""
        return self.confirmed().filter(renewed_at__gte=now - dt.timedelta(days=LAPSE_DAYS))
