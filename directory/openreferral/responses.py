"""How the API answers: JSON written through its models, with validators for caches.

Every answer has an ETag (a hash of the body) and Cache-Control; where the rows say when they
last changed, Last-Modified too. A request whose validators still match gets 304 Not Modified.
Anyone may read the data from any site: every answer says so (`Access-Control-Allow-Origin: *`),
even to a request without an Origin header, as the profile expects; django-cors-headers answers
browsers' preflight requests (settings: CORS_URLS_REGEX)."""

import datetime as dt
import hashlib

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from pydantic import BaseModel

from .schemas import ProblemOut

CACHE_SECONDS = 300


def json_response(
    request: HttpRequest, model: BaseModel, *, last_modified: dt.datetime | None = None
) -> HttpResponse:
    return body_response(request, json_body(model), last_modified=last_modified)


def json_body(model: BaseModel) -> bytes:
    """An answer's body: the model as JSON, without the fields that are None."""
    return model.model_dump_json(exclude_none=True).encode()


def body_response(
    request: HttpRequest, body: bytes, *, last_modified: dt.datetime | None = None
) -> HttpResponse:
    """The answer with this JSON body (json_body), or 304 where the request's validators
    still match."""
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    modified = int(last_modified.timestamp()) if last_modified else None
    response = get_conditional_response(request, etag=etag, last_modified=modified)
    if response is None:
        response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    if modified is not None:
        response["Last-Modified"] = http_date(modified)
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def problem_response(status: int, message: str, errors=()) -> HttpResponse:
    body = ProblemOut(status=status, message=message, errors=list(errors))
    response = HttpResponse(body.model_dump_json(), status=status, content_type="application/json")
    patch_cache_control(response, no_store=True)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def latest(*moments) -> dt.datetime | None:
    found = [moment for moment in moments if moment is not None]
    return max(found) if found else None
