from django.db import models


class SearchIndexVersion(models.Model):
    """One row: how many changes the directory's published data has had (`seq`) and a random
    token for the latest. Database triggers (migration 0017) count every write to the services,
    their venue links, providers and venues, and log the services each changed
    (SearchIndexChange). Each process keeps the directory's search index in memory
    (directory.search_index) and applies the services changed since its version; pages cached
    under the version (directory.data_version) are never shown after a change. The token is
    random, so that a rolled-back write never leaves the same version on different data."""

    token = models.CharField(max_length=64)
    seq = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "search index version"

    def __str__(self):
        return f"{self.seq}:{self.token}"


class SearchIndexChange(models.Model):
    """A change the triggers logged: a service whose row or venue links changed (kind 0),
    other published data (1: a provider or venue), or a table emptied (2: start again)."""

    class Kind(models.IntegerChoices):
        SERVICE = 0
        OTHER = 1
        RESET = 2

    seq = models.BigIntegerField(db_index=True)
    token = models.CharField(max_length=64)
    kind = models.SmallIntegerField(choices=Kind.choices)
    service_id = models.UUIDField(null=True)

    class Meta:
        verbose_name = "search index change"

    def __str__(self):
        return f"{self.seq}: {self.get_kind_display()} {self.service_id or ''}"
