"""Back-office pages whose records are only read there: wholly, because the site or a decision
writes them (ReadOnlyAdmin), or once published, because a published version is the record of
what the council said (PublishedIsReadOnly)."""


class ReadOnlyAdmin:
    """No one adds, changes or deletes these records in the back office: they are read there,
    and written elsewhere (a decision of their own, or the site itself)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PublishedIsReadOnly:
    """A record kept in versions (the Statement, a ruleset), or a part of one: only a draft is
    changed or deleted; a change to a published version is a new draft made from it."""

    def version_of(self, obj):
        """The version the object is, or belongs to."""
        return obj

    def is_draft(self, obj) -> bool:
        return obj is None or self.version_of(obj).is_editable

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.is_draft(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.is_draft(obj)


class PublishedIsReadOnlyInline(PublishedIsReadOnly):
    """The parts of a version, edited on its page: added, changed and deleted in a draft only."""

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self.is_draft(obj)
