"""The health check: the site's cheapest page.

A load balancer asks it whether this server can take requests. It passes through the whole
middleware stack like every page, and asks nothing of the database, so `make bench-http` also
uses it as the ceiling against which every other page's requests per second are read.
"""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def health(request):
    """'OK' when the process serves requests; never a database query, never cached."""
    return HttpResponse("OK", content_type="text/plain; charset=utf-8")
