from django.conf import settings
from django.utils.functional import SimpleLazyObject

from directory.council import council_for
from directory.shortlist import Shortlist

from .presenters import navigation_items


def site(request):
    """The service name, the council's configuration and the navigation, for every page."""
    return {
        "service_name": settings.SERVICE_NAME,
        "council": SimpleLazyObject(lambda: council_for(request)),
        "navigation": SimpleLazyObject(
            lambda: navigation_items(request, len(Shortlist(request.session)))
        ),
    }
