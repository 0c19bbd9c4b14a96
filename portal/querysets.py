"""Reading the Short Breaks Statement's versions."""

from django.db import models


class StatementQuerySet(models.QuerySet):
    def published(self):
        """The version families read now (there is at most one)."""
        return self.filter(status="published")

    def public(self):
        """Versions the public can read: the published one and those it replaced."""
        return self.filter(status__in=["published", "superseded"])

    def current(self):
        """The published version with its sections, or None."""
        return self.published().prefetch_related("sections").first()

    def archive(self):
        """Every version the public can read, newest first."""
        return self.public().order_by("-number")
