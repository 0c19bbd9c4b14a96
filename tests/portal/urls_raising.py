"""A URLconf whose views fail on purpose, to exercise the error pages."""

from django.core.exceptions import BadRequest, PermissionDenied
from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_protect

from portal.urls import urlpatterns as site_urlpatterns


def bad_request(request):
    raise BadRequest("tampered")


def permission_denied(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("something went wrong")


@csrf_protect
def form(request):
    return HttpResponse("sent")


urlpatterns = [
    path("raise/400/", bad_request),
    path("raise/403/", permission_denied),
    path("raise/500/", broken),
    path("form/", form),
    path("", include(site_urlpatterns)),
]

handler500 = "portal.views.server_error"
