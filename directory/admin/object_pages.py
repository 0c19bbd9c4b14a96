"""The back office's own pages of one record, beside Django's change form (its history,
reverting it, publishing a version of the Statement): the record the page's address names."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404


def object_or_404(model_admin, request, object_id, *, missing: str = "No record has that address."):
    """The record at the address, if the user may see it: a 404 saying `missing` for an address
    with none, a 403 for one they may not see, as Django's own pages answer."""
    obj = model_admin.get_object(request, unquote(object_id))
    if obj is None:
        raise Http404(missing)
    if not model_admin.has_view_or_change_permission(request, obj):
        raise PermissionDenied
    return obj
