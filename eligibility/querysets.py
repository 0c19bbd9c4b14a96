"""Reading rulesets and demand records."""

import datetime as dt

from django.core.cache import cache
from django.db import models
from django.db.models import Q

RULES_CACHE_SECONDS = 24 * 3600


class RulesetQuerySet(models.QuerySet):
    def published(self):
        """Rulesets the checker may use."""
        return self.filter(status="published")

    def valid_on(self, day: dt.date):
        """Published rulesets in force on the day, the latest to start first."""
        return (
            self.published()
            .filter(valid_from__lte=day)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
            .order_by("-valid_from", "-version")
        )

    def with_rules_data(self):
        """With the passports the engine needs."""
        return self.prefetch_related("passports")

    def current(self, day: dt.date):
        """The ruleset the checker uses on the day, or None if there is none."""
        return self.valid_on(day).with_rules_data().first()

    def rules_for(self, pk):
        """The engine's copy of a published (or since retired) ruleset, or None. Cached: once
        published, a ruleset's criteria never change (a change is a new version, a new id), so
        its id names them for good and a journey's steps need not read them each time."""
        if not isinstance(pk, int):
            return None
        key = f"eligibility:rules:{pk}"
        found = cache.get(key)
        if found is None:
            ruleset = self.exclude(status="draft").with_rules_data().filter(pk=pk).first()
            if ruleset is None:
                return None
            found = ruleset.to_rules()
            cache.set(key, found, RULES_CACHE_SECONDS)
        return found


class CheckRecordQuerySet(models.QuerySet):
    def between(self, first_month: dt.date, last_month: dt.date):
        """Records of checks made in the months from the first to the last, inclusive."""
        return self.filter(month__gte=first_month, month__lte=last_month)
