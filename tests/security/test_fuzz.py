"""A bounded fuzz of every public address and form: hostile and oversize values in the path,
the query string and the form, by GET, HEAD and POST. No answer may be a 5xx (the test client
raises the view's exception, so a crash fails here with its traceback).

Each example either changes one field of the page's own form (filled as the page fills it) to
a hostile value, which is how most crashes are found, or sends a form of random fields."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory.openreferral.api import api as openreferral_api
from eligibility.journey import BY_NAME
from portal.services import statement_publish
from tests.directory.conftest import world  # noqa: F401 (a fixture)
from tests.eligibility.conftest import default_ruleset  # noqa: F401 (a fixture)
from tests.eligibility.test_views import walk
from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,  # the same examples on every run, so CI never fails by chance
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
LONGEST_URL_VALUE = 8_000  # servers refuse longer request lines before Django sees them

HOSTILE = [
    "",
    "0",
    "-1",
    "2147483648",
    "9223372036854775808",
    "9" * 40,
    "1e309",
    "NaN",
    "\x00",
    "%00",
    "../../../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "//evil.example/",
    "/\\evil.example",
    "javascript:alert(1)",
    "ZZ99 9ZZ",
    "\u202e\ufeff\U0001f600",
    "," * 2_000,
    "a" * LONGEST_URL_VALUE,
]
SMALL_VALUES = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.integers(min_value=2**31 - 1, max_value=2**80).map(str),  # past a database's integer
    st.uuids().map(str),
)
# A form body may be far larger than an address: up to Django's 2.5 MB upload limit.
FORM_VALUES = st.one_of(SMALL_VALUES, st.sampled_from(["x" * 2_000_000, "1," * 1_000_000]))
GENERIC_NAMES = ["next", "page", "sort", "services", "service", "skip", "answer", "change"]
PLAUSIBLE = ["1", "2015", "yes", "DT1 1XJ"]


def public_patterns(resolver=None, namespace=""):
    """(view name, pattern) of every address outside the back office, named as `reverse`
    takes it: "namespace:name", or the bare name of an address outside any namespace."""
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            yield from public_patterns(entry, entry.namespace or namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield (f"{namespace}:{entry.name}" if namespace else entry.name), entry


def api_parameters() -> list[str]:
    return sorted(
        {
            parameter["name"]
            for operations in openreferral_api.get_openapi_schema()["paths"].values()
            for operation in operations.values()
            for parameter in operation.get("parameters", [])
        }
    )


PATTERNS = dict(public_patterns())
API_PARAMETERS = api_parameters()
# Each question of the checker is a page of its own, fuzzed as one; "*" is any slug.
TARGETS = [
    (name, step)
    for name in sorted(PATTERNS)
    for step in (sorted(BY_NAME) + ["*"] if name == "eligibility:question" else [None])
]


def test_every_public_address_is_a_target():
    assert {name.split(":")[0] for name in PATTERNS if ":" in name} == {
        "directory",
        "eligibility",
        "portal",
        "openreferral",
        "personal_assistants",
        "short_notice",
    }
    assert {name for name in PATTERNS if ":" not in name} == {"health"}
    assert {name for name, _ in TARGETS} == set(PATTERNS)


@pytest.fixture
def site(world, default_ruleset):  # noqa: F811 (fixtures)
    statement = StatementFactory()
    statement_publish(statement=statement, by=None, today=timezone.localdate())
    service = world.services.saturday_club
    return {"uuid": [str(service.pk), str(service.provider.pk)], "int": [str(statement.number)]}


def address(name, step, known):
    """A strategy of paths for the pattern, its arguments valid or hostile."""
    converters = PATTERNS[name].pattern.converters
    if not converters:
        return st.just(reverse(name))
    if step not in (None, "*"):
        return st.just(reverse(name, kwargs={"step_name": step}))
    hostile = {
        "uuid": st.uuids().map(str),
        "int": st.integers(min_value=0, max_value=2**80).map(str),
        "slug": st.from_regex(r"[-a-zA-Z0-9_]{1,60}", fullmatch=True),
        "string": st.text(min_size=1, max_size=60).filter(lambda text: "/" not in text),
    }
    arguments = {}
    for argument, converter in converters.items():
        kind = type(converter).__name__.replace("Converter", "").lower()
        valid = st.sampled_from(known.get(kind, known["uuid"]))
        arguments[argument] = st.one_of(valid, hostile[kind])
    return st.fixed_dictionaries(arguments).map(lambda kwargs: reverse(name, kwargs=kwargs))


def fields_of(client, path) -> dict[str, list[str]]:
    """The fields of the forms on the page at path, each with the values the page gives it."""
    response = client.get(path)
    if response.status_code != 200 or response.streaming:
        return {}
    fields: dict[str, list[str]] = {}
    for tag in re.findall(r"<(?:input|select|textarea)[^>]*>", response.content.decode()):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name and name[1] != "csrfmiddlewaretoken":
            fields.setdefault(name[1], []).extend([value[1]] if value else [])
    return fields


def draw_form(data, fields: dict[str, list[str]], values) -> dict:
    names = list(fields) + GENERIC_NAMES + API_PARAMETERS
    if data.draw(st.sampled_from([True, True, False])):
        # The page's form as the page fills it, with one field (of it or of none) hostile.
        form = {name: (offered or PLAUSIBLE)[0] for name, offered in fields.items()}
        own = st.sampled_from(list(fields) or names)
        target = data.draw(st.one_of(own, own, st.sampled_from(names), st.text(max_size=20)))
        form[target] = data.draw(st.one_of(values, st.lists(values, min_size=2, max_size=4)))
        return form
    chosen = data.draw(st.lists(st.sampled_from(names), max_size=8, unique=True))
    form = {}
    for name in chosen:
        value = st.one_of(st.sampled_from(fields.get(name) or PLAUSIBLE), values)
        form[name] = data.draw(st.one_of(value, st.lists(value, min_size=2, max_size=4)))
    return form


def no_server_error(response):
    assert response.status_code < 500, response.status_code


@pytest.fixture
def client(site, settings):
    """A family mid-way through the checker (so its questions take answers rather than start
    again), with limits high enough that the fuzz reaches the views it sends to."""
    settings.ANONYMOUS_WRITE_RATE = "100000/m"
    settings.PROBLEM_REPORT_RATE = "100000/m"
    settings.PLACE_ALERT_RATE = "100000/m"
    client = Client()
    walk(client)
    return client


@pytest.mark.parametrize(("name", "step"), TARGETS)
def test_no_address_crashes_on_hostile_queries(client, site, name, step):
    @FUZZ
    @given(data=st.data())
    def fuzz(data):
        path = data.draw(address(name, step, site))
        query = draw_form(data, fields_of(client, path), SMALL_VALUES)
        no_server_error(client.get(path, query))
        no_server_error(client.head(path, query))

    fuzz()


@pytest.mark.parametrize(("name", "step"), TARGETS)
def test_no_address_crashes_on_hostile_forms(client, site, name, step):
    @settings(FUZZ, max_examples=40)
    @given(data=st.data())
    def fuzz(data):
        path = data.draw(address(name, step, site))
        form = draw_form(data, fields_of(client, path), FORM_VALUES)
        no_server_error(client.post(path, form))

    fuzz()
