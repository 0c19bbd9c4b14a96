from django.conf import settings
from django.utils.functional import SimpleLazyObject

from directory.models import Council


def site(request):
    """The service name and the council's configuration, for the page template and every page."""
    return {
        "service_name": settings.SERVICE_NAME,
        "council": SimpleLazyObject(Council.objects.current),
    }
