"""A service's page as every family sees it, rendered once and kept in Django's cache
(`CACHE_URL`) until anything on it changes, with holes where each visitor's own fragments go.

Rendering a service's page costs many times what serving a request through the middleware
does, and its queries grow with its lists. Kept whole, a page served again makes two queries
of one row each (the data's version; the council's configuration with the service's status,
which is checked on every request) and renders only its holes (docs/performance.md). The
holes are what is one visitor's own: the navigation with their shortlist, messages, the way
back to their results, the shortlist button with its CSRF token. The page is rendered with an
unguessable marker in each hole and cut there (PageWithHoles), so nothing in a listing's text
can open a hole, and each request fills the holes in for its visitor.

An entry's key names everything the page is made from, so that an entry is never read after
any of it has changed, and none needs deleting:

- the service's id;
- the directory's data version (directory.data_version), which changes with every write to
  anything a family sees of a service: the service, its lists, sessions, venues and provider,
  and the provider's other services. It must be read before the service is, so that a page
  is never kept under a version newer than the data it was rendered from;
- the day, as a listing's "may be out of date" warning depends on it;
- the council's configuration, which the header and footer show, and a specialist service's
  page its team and contacts;
- the settings the pages show (PAGE_SETTINGS: the site's name and address, the map's tiles);
- the release: the site's templates and code, and its static files' hashed names, so that a
  shared cache never serves a page rendered by the release before.
"""

import datetime as dt
import hashlib
import secrets
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache as once
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.db import connections
from django.db.models import Subquery
from django.template.loader import render_to_string
from django.utils.html import format_html

from .models import Council, Service

# Old entries are never read again (their key names an old version or day); this only lets a
# cache without a memory limit forget them.
TIMEOUT = 24 * 3600
_PREFIX = "directory:service-page"


@dataclass(frozen=True)
class PageWithHoles:
    """A page cut at its holes: `pieces` are the text around the named `holes`, in order."""

    pieces: tuple[str, ...]
    holes: tuple[str, ...]

    def fill(self, fragments: Mapping[str, str]) -> str:
        """The page with each hole filled by its fragment."""
        parts = [self.pieces[0]]
        for hole, piece in zip(self.holes, self.pieces[1:], strict=True):
            parts += (fragments[hole], piece)
        return "".join(parts)


def hole_markers(names: Iterable[str]) -> dict[str, str]:
    """A marker to render in each named hole, made for one page: no text can guess it."""
    token = secrets.token_hex(16)
    return {name: format_html("<!--hole {} {}-->", name, token) for name in names}


def cut(html: str, markers: Mapping[str, str]) -> PageWithHoles:
    """The page cut at its markers (see hole_markers), each of which it must hold once."""
    at = {}
    for name, marker in markers.items():
        if html.count(marker) != 1:
            raise ValueError(f"The page holds its hole {name!r} {html.count(marker)} times.")
        at[html.index(marker)] = name
    pieces, holes, start = [], [], 0
    for position in sorted(at):
        pieces.append(html[start:position])
        holes.append(at[position])
        start = position + len(markers[at[position]])
    pieces.append(html[start:])
    return PageWithHoles(tuple(pieces), tuple(holes))


# Besides the data's version, a page from the cache reads one row: the council's configuration
# with the service's status. The ORM takes several times longer to write a query than the
# database takes to answer this one, so the ORM writes it once and it is then run as SQL.


# The service navigation, which base.html's header includes: it lists the visitor's shortlist.
NAVIGATION = "includes/service_navigation.html"


@dataclass(frozen=True)
class _NavigationHole:
    """An item of the navigation that stands for all of it while a page is cut."""

    label: str
    url: str = ""
    active: bool = False


def render_cut(template: str, context: dict, markers: Mapping[str, str], *, council):
    """The page for every visitor, cut at its markers (hole_markers, which must name a
    "navigation" hole): rendered without a request, so nothing of anyone's can be in it. What
    the site's context processor gives every page but the navigation is given here, and the
    navigation is cut out whole, where it renders as it does on its own."""
    site = {
        "service_name": settings.SERVICE_NAME,
        "navigation": [_NavigationHole(markers["navigation"])],
    }
    html = render_to_string(template, context | site | {"council": council})
    alone = render_to_string(NAVIGATION, site)
    if html.count(alone) != 1:
        raise ValueError(f"{template} does not hold {NAVIGATION} once.")
    return cut(html.replace(alone, markers["navigation"]), markers)


def visitor_navigation(request) -> str:
    """The navigation hole, filled for this visitor (with their shortlist)."""
    return render_to_string(NAVIGATION, request=request)


def visitor_messages(request) -> str:
    """The messages hole, filled for this visitor: most have none, which needs no rendering."""
    if not len(messages.get_messages(request)):  # counting them leaves them to be shown
        return ""
    return render_to_string("includes/messages.html", request=request)


def council_and_status(service_id) -> tuple[Council, str | None]:
    """The council's configuration, as Council.objects.current() reads it, and the service's
    status (None if there is no such service), in one query."""
    connection = connections[Council.objects.db]
    value = Service._meta.pk.get_db_prep_value(service_id, connection)
    row = _first_row(connection, _council_and_status_sql(connection.alias), [value])
    if row is None:  # no configuration saved yet
        row = _first_row(connection, _status_sql(connection.alias), [value])
        return Council(), row[0] if row else None
    *council, status = row
    return Council.from_db(connection.alias, _council_columns(), council), status


def _first_row(connection, sql: str, params: list):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def _status_query(alias: str):
    # Any id will do: only the SQL is kept, and each call gives its own.
    by_id = Service.objects.using(alias).filter(pk=uuid.UUID(int=0)).order_by()
    return by_id.values("status")[:1]


@once
def _status_sql(alias: str) -> str:
    return _only_sql(_status_query(alias))


@once
def _council_and_status_sql(alias: str) -> str:
    current = Council.objects.using(alias).order_by("pk")
    with_status = current.annotate(service_status=Subquery(_status_query(alias)))
    return _only_sql(with_status.values_list(*_council_columns(), "service_status")[:1])


def _only_sql(queryset) -> str:
    """The SQL of a query whose one parameter is the service's id."""
    sql, params = queryset.query.sql_with_params()
    if len(params) != 1:
        raise ValueError(f"Expected the service's id alone, not {params!r}.")
    return sql


def _council_columns() -> list[str]:
    return [field.attname for field in Council._meta.concrete_fields]


def get(key: str) -> PageWithHoles | None:
    """The service's page kept under the key (see service_page_key), or None."""
    return cache.get(key)


def put(key: str, page: PageWithHoles) -> None:
    """Keep the service's page under the key."""
    cache.set(key, page, TIMEOUT)


def service_page_key(service_id, *, version: str, today: dt.date, council: Council) -> str:
    """The cache key of a service's page made from these (see the module's docstring)."""
    made_from = "\n".join(
        (version, today.isoformat(), _configuration(council), _settings(), _release())
    )
    digest = hashlib.sha256(made_from.encode()).hexdigest()[:32]
    return f"{_PREFIX}:{service_id}:{digest}"


def _configuration(council: Council) -> str:
    """The council's configuration, as text: a different text whenever it changes."""
    return repr([field.value_from_object(council) for field in council._meta.concrete_fields])


# The settings the pages show or depend on (the map's tiles, the site's name and address).
PAGE_SETTINGS = (
    "SERVICE_NAME",
    "SITE_URL",
    "MAP_TILES_URL",
    "MAP_TILES_ATTRIBUTION",
    "MAP_TILES_ATTRIBUTION_URL",
)


def _settings() -> str:
    return repr([getattr(settings, name, None) for name in PAGE_SETTINGS])


@once
def _release() -> str:
    """A digest of the site's own templates and code and of its static files' names, worked
    out once per process."""
    base = Path(settings.BASE_DIR).resolve()
    folders = [Path(folder) for engine in settings.TEMPLATES for folder in engine["DIRS"]]
    folders += [Path(app.path) for app in apps.get_app_configs()]
    own = [
        f for f in folders if f.resolve().is_relative_to(base) and "site-packages" not in f.parts
    ]
    files = {
        path for folder in own for pattern in ("*.py", "*.html") for path in folder.rglob(pattern)
    }
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.read_bytes())
    read_manifest = getattr(staticfiles_storage, "read_manifest", None)
    digest.update(((read_manifest and read_manifest()) or "").encode())
    return digest.hexdigest()


def search_page_key(query: str, *, version: str, today: dt.date, council) -> str:
    """The cache key of the results page of a search (its path and query string)."""
    made_from = "\n".join(
        (query, version, today.isoformat(), _configuration(council), _settings(), _release())
    )
    digest = hashlib.sha256(made_from.encode()).hexdigest()[:40]
    return f"directory:search-page:{digest}"
