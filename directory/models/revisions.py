"""A record's revision number, for noticing that two officers edited it at once
(directory.edit_conflicts): every save raises it by one, whatever saves it."""

from django.db import models


class Revised(models.Model):
    """A record whose every save raises `revision`, so that a form can tell whether the record
    was saved by someone else since it was opened. Kept out of the record's versions."""

    # Empty (0) until the first save after it was added: a column without a default is added
    # in place, where SQLite would otherwise rebuild the table and lose the search index's
    # triggers on it (migration 0017).
    revision = models.PositiveIntegerField(
        null=True,
        blank=True,
        editable=False,
        help_text="Raised by every save: see directory.edit_conflicts.",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.revision = (self.revision or 0) + 1
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "revision"}
        super().save(*args, **kwargs)
