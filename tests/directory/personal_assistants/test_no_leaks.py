"""No public response (HTML, JSON, CSV: every address outside the back office, with the
directory and the register full) holds any personal assistant's email, phone, address or
other private detail, and the register is never in the open data or the downloads."""

import pytest
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from directory.personal_assistants.journey import STEPS
from portal.services import statement_publish
from tests.directory.conftest import world  # noqa: F401 (a fixture)
from tests.factories import StatementFactory

EXTRA_QUERIES = {
    "personal_assistants:search": [
        {"postcode": "DT1 1XJ"},
        {"need": "ASD", "offer": "personal_care"},
        {"age": "9", "day": "saturday"},
    ],
    "directory:search": [{"postcode": "DT1 1XJ"}, {"q": "personal assistant"}],
    "directory:download": [{}],
}


def public_patterns(resolver=None, namespace=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            yield from public_patterns(entry, entry.namespace or namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield (f"{namespace}:{entry.name}" if namespace else entry.name), entry


def secrets_of(pa) -> list[str]:
    values = [
        pa.email,
        pa.phone,
        pa.phone.replace(" ", ""),
        pa.postcode,
        pa.postcode.replace(" ", ""),
        pa.last_name,
        pa.referee_1_name,
        pa.referee_1_contact,
        pa.referee_2_name,
        pa.referee_2_contact,
        pa.dbs_certificate_number,
    ]
    return [value for value in values if value]


def body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


@pytest.fixture
def everything(world, register):  # noqa: F811 (a fixture)
    statement = StatementFactory()
    statement_publish(statement=statement, by=None, today=timezone.localdate())
    service = world.services.saturday_club
    return {
        "uuid": [str(service.pk), str(service.provider.pk), str(register.pas.near.pk)],
        "int": [str(statement.number)],
        "slug": [step.name for step in STEPS],
        "str": ["not-a-real-token"],
    }


def addresses(everything):
    for name, pattern in public_patterns():
        converters = pattern.pattern.converters
        if not converters:
            yield name, reverse(name)
            continue
        kinds = {
            arg: type(c).__name__.replace("Converter", "").lower() for arg, c in converters.items()
        }
        if name in ("personal_assistants:profile", "personal_assistants:sent"):
            values = [everything["uuid"][-1]]
        else:
            values = everything.get(next(iter(kinds.values())), everything["uuid"])
        for value in values:
            try:
                yield name, reverse(name, kwargs=dict.fromkeys(kinds, value))
            except NoReverseMatch:  # the converter refuses the value: no such address
                continue


def test_no_public_response_holds_a_pas_private_details(client, everything, register):
    secrets = [s for pa in vars(register.pas).values() for s in secrets_of(pa)]
    seen = 0
    for name, path in addresses(everything):
        for query in EXTRA_QUERIES.get(name, [{}]):
            response = client.get(path, query)
            assert response.status_code < 500, (path, response.status_code)
            text = body(response)
            leaked = [secret for secret in secrets if secret in text]
            assert not leaked, (path, query, leaked)
            seen += 1
    assert seen > 40
    # And the register's pages really were among them, with the data present.
    profile = client.get(reverse("personal_assistants:profile", args=[register.pas.near.pk]))
    assert "Nadia N" in body(profile)


def test_the_register_is_not_in_the_open_data_or_the_downloads(client, everything, register):
    for path in (
        reverse("directory:download"),
        "/api/openreferral/services",
        "/api/openreferral/service_at_locations?postcode=DT1+1XJ&proximity=50000",
    ):
        text = body(client.get(path))
        for pa in vars(register.pas).values():
            assert pa.first_name not in text
            assert str(pa.pk) not in text
