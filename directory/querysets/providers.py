from django.db.models import Count, Exists, OuterRef, Q

from .provider_scope import ProviderScopedQuerySet


class ProviderQuerySet(ProviderScopedQuerySet):
    users_lookup = "users"

    def with_published_services(self):
        """Providers with at least one published service."""
        from ..models import Service, Status

        return self.filter(
            Exists(Service.objects.filter(provider=OuterRef("pk"), status=Status.PUBLISHED))
        )

    def with_service_counts(self):
        """Annotate each provider with `published_count`, its number of published services."""
        return self.annotate(
            published_count=Count("services", filter=Q(services__status="published"))
        )
