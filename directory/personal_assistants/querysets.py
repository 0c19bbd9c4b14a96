"""Reading the register: chainable, side-effect-free queryset methods."""

import datetime as dt

from django.db import models

from . import rules


class PersonalAssistantQuerySet(models.QuerySet):
    def approved(self):
        """Approved by the council (whether or not they show today)."""
        return self.filter(status="approved")

    def listed(self, *, today: dt.date, dbs_valid_years: int):
        """The profiles families see today: approved, confirmed within 6 months, and with a
        DBS certificate within the council's limit (rules.standing says the same per PA)."""
        return self.approved().filter(
            confirmed_on__gte=rules.confirmed_since(today),
            dbs_issued_on__gte=rules.dbs_issued_since(today, dbs_valid_years),
        )

    def with_profile_data(self):
        """With the lists a profile or a search result shows."""
        return self.prefetch_related("age_bands", "needs")

    def by_email(self, email: str):
        """The register's current entries for an email address (withdrawn ones have none)."""
        return self.exclude(status="withdrawn").filter(email__iexact=email.strip())

    def reminders_due(self, today: dt.date):
        """Approved PAs whose profile lapses within two weeks and who have not been reminded
        since they last confirmed."""
        return (
            self.approved()
            .filter(
                confirmed_on__lte=rules.reminders_from(today),
                confirmed_on__gte=rules.confirmed_since(today),
            )
            .filter(
                models.Q(reminded_on__isnull=True)
                | models.Q(reminded_on__lt=models.F("confirmed_on"))
            )
        )

    def lapsing(self, today: dt.date):
        """Approved PAs who have not confirmed for 6 months."""
        return self.approved().filter(
            models.Q(confirmed_on__lt=rules.confirmed_since(today))
            | models.Q(confirmed_on__isnull=True)
        )
