"""The Open Referral UK API, read-only, under /api/openreferral/ (django-ninja).

The views are thin: check the parameters (params.py), read (queries.py), map (mapping.py) and
answer (responses.py). The OpenAPI document is served at /api/openreferral/openapi.json."""

import hashlib
import uuid
from collections.abc import Sequence

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.urls import reverse
from ninja import NinjaAPI, Query
from ninja.errors import HttpError, ValidationError

from .. import data_version
from ..council import council_for
from ..querysets import FilterOptions
from ..results import ids_in_order, link_ids_in_order
from . import mapping, queries, schemas
from .params import PageParams, ServiceAtLocationParams, ServiceParams, TermParams
from .responses import (
    CACHE_SECONDS,
    body_response,
    json_body,
    json_response,
    latest,
    problem_response,
)
from .taxonomies import BY_ID, TAXONOMIES, all_terms

PROFILE = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"

api = NinjaAPI(
    title="Short breaks: Open Referral UK",
    version="3.0",
    description=(
        "The council's directory of short breaks for disabled children and young people, "
        "published to the Open Referral UK profile of the Human Services Data Specification "
        "(HSDS-UK 3.0). Read-only; only published services. Parameters combine with AND."
    ),
    docs_url=None,
    urls_namespace="openreferral",
)

PROBLEMS = {400: schemas.ProblemOut, 404: schemas.ProblemOut}


@api.exception_handler(ValidationError)
def _bad_parameters(request, exc: ValidationError):
    errors = [
        {
            "parameter": str(error["loc"][-1]) if error.get("loc") else "",
            "message": error.get("msg", "is not valid"),
        }
        for error in exc.errors
    ]
    return problem_response(400, "The request's parameters are not valid.", errors)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return problem_response(404, str(exc) or "Not found.")


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    return problem_response(exc.status_code, str(exc))


def _context(request) -> mapping.Context:
    options = FilterOptions.load()
    terms = all_terms(options)
    return mapping.Context(
        terms_by_id={term.id: term for term in terms},
        council_name=council_for(request).name,
        site_url=settings.SITE_URL,
        options=options,
    )


def _window(params: PageParams) -> tuple[int, int]:
    start = (params.page - 1) * params.size
    return start, start + params.size


def _page(request, page_model, params: PageParams, total: int, items: list, last_modified=None):
    return json_response(
        request,
        page_model(
            **mapping.page_fields(total, params.page, params.size, len(items)), contents=items
        ),
        last_modified=last_modified,
    )


@api.get("/", response=schemas.ApiDetailsOut, summary="About this API")
def api_details(request):
    return json_response(
        request,
        schemas.ApiDetailsOut(
            version="HSDS-UK-3.0",
            profile=PROFILE,
            openapi_url=settings.SITE_URL + reverse("openreferral:openapi-json"),
        ),
    )


@api.get(
    "/services",
    response={200: schemas.ServicePage, **PROBLEMS},
    summary="Published services, a page at a time, in name order",
)
def list_services(request, params: Query[ServiceParams]):
    return _paged_list(
        request,
        params,
        page_model=schemas.ServicePage,
        matching=queries.matching_services,
        ids_of=ids_in_order,
        page_of=queries.service_page,
        to_item=mapping.service_summary,
        changed=lambda service: (service.updated_at, service.provider.updated_at),
    )


def _paged_list(request, params, *, page_model, matching, ids_of, page_of, to_item, changed):
    """A page of a list of services (or services at venues): the directory's search finds
    and counts them (directory.results), then the page's rows are read and mapped. A page
    already answered at this version of the data is answered again from the cache."""
    context = _context(request)
    key = _page_key(request, context)
    kept = cache.get(key)
    if kept is not None:
        body, modified = kept
        return body_response(request, body, last_modified=modified)
    search = matching(params, context.terms_by_id)
    total, found = 0, []
    if search is not None:
        total, ids = ids_of(search, context.options, *_window(params))
        found = page_of(ids) if ids else []
    items = [to_item(row, context) for row in found]
    modified = latest(*(moment for row in found for moment in changed(row)))
    page = page_model(
        **mapping.page_fields(total, params.page, params.size, len(items)), contents=items
    )
    body = json_body(page)
    cache.set(key, (body, modified), CACHE_SECONDS)
    return body_response(request, body, last_modified=modified)


def _page_key(request, context) -> str:
    """A list page's cache key: its address and everything its answer is made from (the
    data's version, the council's name and the site's address)."""
    version = data_version.as_text(context.options.index_version)
    made_from = "\n".join(
        (request.get_full_path(), version, context.council_name, context.site_url)
    )
    return "openreferral:page:" + hashlib.sha256(made_from.encode()).hexdigest()[:40]


def _page_in_memory(request, page_model, params: PageParams, rows: Sequence, to_item):
    """A page of a short list the API holds in memory (the taxonomies and their terms)."""
    start, end = _window(params)
    items = [to_item(row) for row in rows[start:end]]
    return _page(request, page_model, params, len(rows), items)


def _uuid_or_404(raw: str, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise Http404(f"There is no {what} with the id {raw!r}: ids are UUIDs.") from None


@api.get(
    "/services/{id}",
    response={200: schemas.ServiceOut, 404: schemas.ProblemOut},
    summary="A published service in full",
)
def get_service(request, id: str):  # the profile names the parameter `id`
    service = queries.service_in_full(_uuid_or_404(id, "service"))
    if service is None:
        raise Http404("There is no published service with that id.")
    venues = [link.venue for link in service.locations.all()]
    modified = latest(
        service.updated_at, service.provider.updated_at, *(v.updated_at for v in venues)
    )
    return json_response(
        request, mapping.service_in_full(service, _context(request)), last_modified=modified
    )


@api.get(
    "/taxonomies",
    response={200: schemas.TaxonomyPage, **PROBLEMS},
    summary="The directory's lists",
)
def list_taxonomies(request, params: Query[PageParams]):
    return _page_in_memory(request, schemas.TaxonomyPage, params, TAXONOMIES, mapping.taxonomy)


@api.get(
    "/taxonomies/{id}",
    response={200: schemas.TaxonomyOut, 404: schemas.ProblemOut},
    summary="One of the directory's lists",
)
def get_taxonomy(request, id: str):
    taxonomy = BY_ID.get(_uuid_or_404(id, "taxonomy"))
    if taxonomy is None:
        raise Http404("There is no taxonomy with that id.")
    return json_response(request, mapping.taxonomy(taxonomy))


@api.get(
    "/taxonomy_terms",
    response={200: schemas.TaxonomyTermPage, **PROBLEMS},
    summary="The entries of the directory's lists",
)
def list_taxonomy_terms(request, params: Query[TermParams]):
    terms = all_terms(FilterOptions.load())
    if params.taxonomy_id is not None:
        terms = [term for term in terms if term.taxonomy.id == params.taxonomy_id]
    return _page_in_memory(request, schemas.TaxonomyTermPage, params, terms, mapping.taxonomy_term)


@api.get(
    "/taxonomy_terms/{id}",
    response={200: schemas.TaxonomyTermOut, 404: schemas.ProblemOut},
    summary="An entry of one of the directory's lists",
)
def get_taxonomy_term(request, id: str):
    wanted = _uuid_or_404(id, "taxonomy term")
    term = next((t for t in all_terms(FilterOptions.load()) if t.id == wanted), None)
    if term is None:
        raise Http404("There is no taxonomy term with that id.")
    return json_response(request, mapping.taxonomy_term(term))


@api.get(
    "/service_at_locations",
    response={200: schemas.ServiceAtLocationPage, **PROBLEMS},
    summary="Published services at their venues, a page at a time",
)
def list_service_at_locations(request, params: Query[ServiceAtLocationParams]):
    return _paged_list(
        request,
        params,
        page_model=schemas.ServiceAtLocationPage,
        matching=queries.matching_locations,
        ids_of=link_ids_in_order,
        page_of=queries.location_page,
        to_item=mapping.service_at_location,
        changed=lambda link: (link.service.updated_at, link.venue.updated_at),
    )


@api.get(
    "/service_at_locations/{id}",
    response={200: schemas.ServiceAtLocationOut, 404: schemas.ProblemOut},
    summary="A published service at one of its venues",
)
def get_service_at_location(request, id: str):
    link = queries.location_in_full(_uuid_or_404(id, "service at location"))
    if link is None:
        raise Http404("There is no published service at location with that id.")
    modified = latest(link.service.updated_at, link.venue.updated_at)
    return json_response(
        request, mapping.service_at_location(link, _context(request)), last_modified=modified
    )
