from django.db import models


class CouncilQuerySet(models.QuerySet):
    def current(self):
        """The council running this portal: its saved configuration, or unsaved defaults."""
        council = self.order_by("pk").first()
        return council if council is not None else self.model()
