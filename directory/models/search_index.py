from django.db import models


class SearchIndexVersion(models.Model):
    """One row: a random token that database triggers change on every write to the services
    and their venue links (migration 0014). Each process keeps the directory's search index
    in memory (directory.search_index) and rebuilds it when the token it was built at is no
    longer this one. Random rather than counted, so that a rolled-back write never leaves the
    same token on different data."""

    token = models.CharField(max_length=64)

    class Meta:
        verbose_name = "search index version"

    def __str__(self):
        return self.token
