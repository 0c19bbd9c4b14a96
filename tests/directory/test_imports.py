"""Importing providers, venues and services from CSV and XLSX in the back office: a preview of
every row first, errors by row and column, nothing written unless every row is good; and the
documented template files."""

import csv
import html
import io
from pathlib import Path

import pytest
import tablib
from django.conf import settings
from django.test import RequestFactory

from directory.admin.services import ServiceAdmin
from directory.imports import ProviderResource, ServiceResource, VenueResource
from directory.models import Provider, Service, Venue
from directory.roles import DIRECTORY_EDITOR, PROVIDER
from tests.directory.conftest import XLSX_FORMAT, confirm, upload
from tests.factories import (
    AccessibilityFeatureFactory,
    BreakKindFactory,
    LocalityFactory,
    NeedFactory,
    ProviderFactory,
    ServiceFactory,
    UserFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "static" / "import-templates"


@pytest.fixture
def council_lists(db):
    """The names the template files refer to, as in the demo council."""
    provider = ProviderFactory(name="Allendale Drama Group")
    for code in ("north", "east"):
        LocalityFactory(code=code, name=code.capitalize())
    BreakKindFactory(code="arts", name="Arts, music and drama")
    BreakKindFactory(code="saturday-club", name="Saturday and weekend club")
    NeedFactory(code="ASD", name="Autism")
    NeedFactory(code="SLCN", name="Speech, language and communication needs")
    for code in ("step-free", "accessible-toilet", "hearing-loop"):
        AccessibilityFeatureFactory(code=code, name=code.replace("-", " ").capitalize())
    VenueFactory(name="Wimborne Minster Village Hall", provider=provider)
    return provider


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(roles=[DIRECTORY_EDITOR]))
    return client


def template_rows(name) -> list[dict]:
    with open(TEMPLATES / f"{name}.csv", newline="", encoding="utf-8") as template:
        return list(csv.DictReader(template))


def as_csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def two_services() -> list[dict]:
    first = template_rows("services")[0]
    second = first | {"name": "Example Sunday Drama", "needs": "", "kinds": "Arts, music and drama"}
    return [first, second]


# ---------------------------------------------------------------------- the templates


@pytest.mark.parametrize(
    ("name", "resource"),
    [("providers", ProviderResource), ("venues", VenueResource), ("services", ServiceResource)],
)
def test_each_template_has_exactly_the_columns_of_its_import(name, resource):
    headers = list(template_rows(name)[0])

    assert headers == list(resource._meta.fields)


@pytest.mark.parametrize(
    ("name", "resource"),
    [("providers", ProviderResource), ("venues", VenueResource), ("services", ServiceResource)],
)
def test_each_template_imports_cleanly_against_the_demo_names(council_lists, name, resource):
    dataset = tablib.Dataset().load((TEMPLATES / f"{name}.csv").read_text(), format="csv")

    result = resource().import_data(dataset, dry_run=True)

    assert not result.has_errors() and not result.has_validation_errors(), [
        row.error_dict for row in result.invalid_rows
    ]


# ---------------------------------------------------------------------- a good file


def test_a_good_file_is_previewed_then_imported(editor, council_lists):
    preview = upload(editor, "service", as_csv(two_services()))

    assert preview.status_code == 200
    assert Service.objects.count() == 0  # the preview writes nothing
    rows = preview.context["result"].rows
    assert [row.import_type for row in rows] == ["new", "new"]

    done = confirm(editor, "service", preview)

    assert done.status_code == 302
    service = Service.objects.get(name="Example Saturday Drama")
    assert service.provider == council_lists
    assert sorted(n.code for n in service.needs.all()) == ["ASD", "SLCN"]
    assert sorted(k.code for k in service.kinds.all()) == ["arts", "saturday-club"]
    assert [v.name for v in service.venues.all()] == ["Wimborne Minster Village Hall"]
    assert (service.is_free, service.accepts_direct_payments) == (False, True)
    assert service.kinds_mask and "drama" in service.search_document  # searchable at once
    assert service.history.latest().listing["kinds"]  # one version holding the whole listing
    assert Service.objects.get(name="Example Sunday Drama").needs.count() == 0


def test_a_row_with_an_id_updates_that_service(editor, council_lists):
    existing = ServiceFactory(provider=council_lists, name="Old name")
    row = template_rows("services")[0] | {"id": str(existing.pk), "name": "New name"}

    confirm(editor, "service", upload(editor, "service", as_csv([row])))

    existing.refresh_from_db()
    assert existing.name == "New name" and Service.objects.count() == 1


def test_an_xlsx_file_imports_too(editor, council_lists):
    rows = template_rows("providers")
    book = tablib.Dataset(*[list(r.values()) for r in rows], headers=list(rows[0]))

    preview = upload(editor, "provider", book.export("xlsx"), "providers.xlsx", XLSX_FORMAT)
    confirm(editor, "provider", preview)

    assert Provider.objects.filter(name="Example Play Together").exists()


def test_a_venue_without_a_position_gets_its_postcodes(editor, council_lists):
    from tests.factories import PostcodeFactory

    PostcodeFactory(postcode="BH21 1AA", latitude=50.8, longitude=-1.98)

    confirm(editor, "venue", upload(editor, "venue", as_csv(template_rows("venues"))))

    venue = Venue.objects.get(name="Example Community Hall")
    assert (venue.latitude, venue.longitude) == (50.8, -1.98)
    assert venue.accessibility_features.count() == 3


# ---------------------------------------------------------------------- bad files


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("needs", "ASD; Telepathy", "Unknown need: 'Telepathy'"),
        ("availability_on", "31/02/2026", "Enter a real date"),
        ("is_free", "maybe", "Enter yes or no"),
        ("max_age", "5", "The oldest age must not be below the youngest age"),
        ("provider", "Nobody Ltd", "No provider is called 'Nobody Ltd'"),
        ("tier", "premium", "is not a valid choice"),
        ("kinds", "", "Enter at least one kind of break"),
    ],
)
def test_one_bad_row_shows_its_error_and_nothing_is_written(
    editor, council_lists, column, value, message
):
    rows = two_services()
    rows[1][column] = value

    preview = upload(editor, "service", as_csv(rows))

    page = html.unescape(preview.content.decode())
    assert message in page
    invalid = preview.context["result"].invalid_rows
    assert [row.number for row in invalid] == [2]
    assert column in invalid[0].field_specific_errors
    assert preview.context.get("confirm_form") is None  # no way to import it
    assert Service.objects.count() == 0


def test_a_repeated_row_is_an_error(editor, council_lists):
    row = template_rows("services")[0]

    preview = upload(editor, "service", as_csv([row, row]))

    assert "This row repeats row 1" in preview.content.decode()
    assert preview.context.get("confirm_form") is None
    assert Service.objects.count() == 0


def test_wrong_columns_are_named_and_nothing_is_written(editor, council_lists):
    rows = [{"title": "Drama", "provider": "Allendale Drama Group"}]

    preview = upload(editor, "service", as_csv(rows))

    page = preview.content.decode()
    assert "The columns do not match the template" in page
    assert "not expected title" in page
    assert preview.context.get("confirm_form") is None


def test_a_file_in_the_wrong_encoding_is_explained(editor, council_lists):
    rows = template_rows("providers")
    content = as_csv([rows[0] | {"name": "Café Play"}]).decode().encode("latin-1")

    response = upload(editor, "provider", content, "providers.csv")

    assert "The file is not saved as UTF-8 text" in response.content.decode()
    assert not Provider.objects.filter(name__startswith="Caf").exists()


def test_an_empty_file_is_refused(editor):
    response = upload(editor, "provider", b"", "providers.csv")

    assert response.status_code == 200
    assert "The submitted file is empty" in response.content.decode()


def test_a_provider_user_cannot_import(client, council_lists):
    user = UserFactory(roles=[PROVIDER])
    council_lists.users.add(user)
    client.force_login(user)

    response = upload(client, "service", as_csv(two_services()))

    assert response.status_code == 403
    assert Service.objects.count() == 0


# ---------------------------------------------------------------------- export


def test_the_export_is_of_the_change_list_as_filtered(council_lists):
    ServiceFactory(name="Live", status="published")
    ServiceFactory(name="Draft", status="draft")
    request = RequestFactory().get("/", {"status__exact": "draft"})
    request.user = UserFactory(is_superuser=True, is_staff=True)
    from django.contrib import admin

    model_admin = ServiceAdmin(Service, admin.site)

    exported = model_admin.get_export_queryset(request)

    assert [s.name for s in exported] == ["Draft"]
    data = ServiceResource().export(exported)
    assert data.dict[0]["name"] == "Draft" and "kinds" in data.headers


# ---------------------------------------------------------------------- XLSX


@pytest.mark.parametrize("name", ["providers", "venues", "services"])
def test_each_xlsx_template_holds_what_its_csv_holds(name):
    book = tablib.Dataset().load((TEMPLATES / f"{name}.xlsx").read_bytes(), format="xlsx")
    rows = template_rows(name)

    assert list(book.headers) == list(rows[0])
    assert [{k: str(v or "") for k, v in row.items()} for row in book.dict] == rows


def test_empty_text_cells_in_xlsx_are_empty_text_not_a_database_error(editor, council_lists):
    rows = template_rows("services")
    rows[0] |= {"timing_notes": None, "how_to_access": None, "cost_description": None}
    existing = ServiceFactory(provider=council_lists, timing_notes="Old notes")
    rows.append(rows[0] | {"id": str(existing.pk), "name": "Updated"})
    book = tablib.Dataset(*[list(r.values()) for r in rows], headers=list(rows[0]))

    preview = upload(editor, "service", book.export("xlsx"), "services.xlsx", XLSX_FORMAT)
    done = confirm(editor, "service", preview)

    assert done.status_code == 302
    assert set(Service.objects.values_list("timing_notes", "how_to_access")) == {("", "")}
