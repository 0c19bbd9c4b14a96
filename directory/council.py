"""The council's configuration for the page being served."""

from .models import Council


def council_for(request) -> Council:
    """The council's configuration, read from the database at most once per request."""
    if not hasattr(request, "_council"):
        request._council = Council.objects.current()
    return request._council
