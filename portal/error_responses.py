"""GOV.UK pages for the answers Django gives with an empty body: a method the address does
not take (405), and too many forms sent from one address (429)."""

from django.conf import settings
from django.shortcuts import render
from django_ratelimit import UNSAFE
from django_ratelimit.core import is_ratelimited

# Paths that answer in JSON (the open data) or that have limits of their own (the back
# office's sign-in is django-axes') are left as they are.
OWN_ERRORS = ("/api/", "/admin/")


class MethodNotAllowedPageMiddleware:
    """A GET of a form's address, or any method an address does not take, gets the GOV.UK
    error page with status 405 and the Allow header, not an empty page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 405
            and not response.streaming
            and not response.content
            and not request.path.startswith(OWN_ERRORS)
        ):
            page = render(request, "405.html", status=405)
            page["Allow"] = response.get("Allow", "")
            return page
        return response


class AnonymousWriteLimitMiddleware:
    """Anyone not signed in may send at most ANONYMOUS_WRITE_RATE forms from one address
    (django-ratelimit, counted in the shared cache): a script sending forms in a loop gets
    the 429 page before any view does work for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method not in ("GET", "HEAD", "OPTIONS")
            and not request.path.startswith(OWN_ERRORS)
            and not request.user.is_authenticated
            and is_ratelimited(
                request,
                group="anonymous-writes",
                key="ip",
                rate=settings.ANONYMOUS_WRITE_RATE,
                method=UNSAFE,
                increment=True,
            )
        ):
            return render(request, "429.html", status=429)
        return self.get_response(request)
