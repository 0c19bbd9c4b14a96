from .provider_scope import ProviderScopedQuerySet


class ProposedChangeQuerySet(ProviderScopedQuerySet):
    users_lookup = "service__provider__users"

    def waiting(self):
        """Changes no one has decided on yet."""
        return self.filter(state="waiting")

    def for_user(self, user):
        """The changes to the listings of the providers the user acts for."""
        return self.filter(service__provider__users=user)
