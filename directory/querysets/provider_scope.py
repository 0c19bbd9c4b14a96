from django.db import models

from ..roles import acts_for_providers


class ProviderScopedQuerySet(models.QuerySet):
    """Records that belong to a provider: a provider user sees only its own providers' records
    in the back office, wherever it meets them (lists, forms, previews, exports)."""

    users_lookup = "provider__users"  # from a record to the users who act for its provider

    def visible_to(self, user):
        """The records the user may see: its own providers' for a provider user, else all."""
        if not user.is_active:
            return self.none()
        if acts_for_providers(user):
            return self.filter(**{self.users_lookup: user})
        return self
