"""Every spreadsheet the site writes shows a cell that looks like a formula as text, never runs
it (OWASP "CSV injection"): the public directory download, the commissioners' report tables
and the back office's CSV and XLSX exports. Real numbers and dates stay numbers and dates, and
a file the back office exported imports again as it was."""

import csv
import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from directory.imports import ProviderResource, ServiceResource, VenueResource
from directory.models import Provider, Service, Venue
from directory.roles import COMMISSIONER, DIRECTORY_EDITOR
from directory.spreadsheet_cells import FORMULA_STARTS, original_cell, safe_cell
from tests.directory.conftest import CSV_FORMAT, XLSX_FORMAT, confirm, upload
from tests.factories import (
    BreakKindFactory,
    LocalityFactory,
    NeedFactory,
    ProviderFactory,
    ServiceFactory,
    UserFactory,
    VenueFactory,
)

HOSTILE = '=HYPERLINK("http://example.invalid","x")'
SHOWN = "'" + HOSTILE


# ---------------------------------------------------------------------------- the rule


@pytest.mark.parametrize(
    ("value", "written"),
    [
        pytest.param(HOSTILE, SHOWN, id="equals-starts-a-formula"),
        pytest.param("+44 1632 960000", "'+44 1632 960000", id="plus-even-a-phone-number"),
        pytest.param("-1", "'-1", id="minus-even-a-number-as-text"),
        pytest.param("@SUM(A1)", "'@SUM(A1)", id="at-starts-a-function"),
        pytest.param("\t=1+1", "'\t=1+1", id="a-tab-hides-a-formula"),
        pytest.param("\r=1+1", "'\r=1+1", id="a-carriage-return-hides-a-formula"),
        pytest.param("Saturday club", "Saturday club", id="plain-text-as-it-is"),
        pytest.param("Ages 5 to 11 = £12", "Ages 5 to 11 = £12", id="an-equals-later-is-text"),
        pytest.param(" =1+1", " =1+1", id="a-space-first-is-text"),
        pytest.param("'=1+1", "'=1+1", id="already-marked-is-not-marked-twice"),
        pytest.param("", "", id="empty-text"),
        pytest.param(None, None, id="no-value"),
        pytest.param(7, 7, id="a-number"),
        pytest.param(-7, -7, id="a-negative-number"),
        pytest.param(-2.44, -2.44, id="a-negative-float"),
        pytest.param(Decimal("-12.50"), Decimal("-12.50"), id="a-negative-decimal"),
        pytest.param(True, True, id="a-boolean"),
        pytest.param(dt.date(2026, 3, 31), dt.date(2026, 3, 31), id="a-date"),
    ],
)
def test_a_cell_that_a_spreadsheet_would_run_is_written_as_text(value, written):
    assert safe_cell(value) == written


@pytest.mark.parametrize(
    ("read", "value"),
    [
        pytest.param(SHOWN, HOSTILE, id="the-mark-on-a-formula-comes-off"),
        pytest.param("'-2.44", "-2.44", id="the-mark-on-a-negative-number-comes-off"),
        pytest.param("'Hello", "'Hello", id="an-apostrophe-before-text-stays"),
        pytest.param("''=1", "''=1", id="two-apostrophes-stay"),
        pytest.param("'", "'", id="an-apostrophe-alone-stays"),
        pytest.param(-2.44, -2.44, id="a-number-as-it-is"),
        pytest.param(None, None, id="no-value"),
    ],
)
def test_a_cell_read_back_loses_only_the_mark_safe_cell_adds(read, value):
    assert original_cell(read) == value


@given(st.text())
def test_any_text_written_then_read_back_is_what_it_was(text):
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return  # text that looks already marked is read back without its mark: see the docstring
    assert original_cell(safe_cell(text)) == text


# ---------------------------------------------------------------------------- the writers


def csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


@pytest.mark.django_db
def test_the_public_directory_download_shows_formulas_as_text(client):
    ServiceFactory(name=HOSTILE, summary=HOSTILE, provider=ProviderFactory(name=HOSTILE))

    response = client.get(reverse("directory:download"))

    rows = csv_rows(b"".join(response.streaming_content).decode())
    assert (rows[0]["name"], rows[0]["summary"], rows[0]["provider"]) == (SHOWN, SHOWN, SHOWN)


@pytest.fixture
def commissioner(client, council):
    client.force_login(UserFactory(roles=[COMMISSIONER]))
    return client


def report_csv(client, report, table) -> list[list[str]]:
    response = client.get(reverse("admin:report", args=[report]), {"download": table})
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode())))


@pytest.mark.django_db
def test_the_supply_report_shows_formulas_in_names_as_text(commissioner):
    locality = LocalityFactory(name=HOSTILE)
    need = NeedFactory(name=HOSTILE)
    ServiceFactory(needs=[need], localities=[locality], kinds=[BreakKindFactory()])

    header, *rows = report_csv(commissioner, "supply", "supply-by-need")

    need_row = next(row for row in rows if row[0] == SHOWN)
    assert need_row[header.index(SHOWN)] == "1"  # the need's row, the locality's column
    assert HOSTILE not in header + [row[0] for row in rows]


@pytest.mark.django_db
def test_the_demand_report_shows_formulas_in_names_as_text(commissioner):
    LocalityFactory(name=HOSTILE)

    header, *rows = report_csv(commissioner, "demand", "demand-by-area")

    assert [SHOWN] + ["0"] * (len(header) - 1) in rows
    assert HOSTILE not in [row[0] for row in rows]


@pytest.mark.django_db
def test_the_freshness_report_shows_formulas_in_names_as_text(commissioner):
    ServiceFactory(
        provider=ProviderFactory(name=HOSTILE),
        last_checked_on=timezone.localdate() - dt.timedelta(days=800),
    )

    _, *rows = report_csv(commissioner, "freshness", "freshness-overdue-by-provider")

    assert rows == [[SHOWN, "1", "1"]]


# ---------------------------------------------------------------------------- the back office


@pytest.fixture
def editor(client, db):
    client.force_login(UserFactory(roles=[DIRECTORY_EDITOR]))
    return client


@pytest.fixture
def hostile_records(db):
    """A provider, a venue and a service with a formula in their names and a service's text."""
    provider = ProviderFactory(name=HOSTILE, description=HOSTILE)
    venue = VenueFactory(provider=provider, name=HOSTILE, latitude=50.71, longitude=-2.44)
    service = ServiceFactory(
        provider=provider,
        name=HOSTILE,
        description="-- bring a packed lunch",
        kinds=[BreakKindFactory()],
        localities=[LocalityFactory()],
        needs=[NeedFactory()],  # a published listing names a need
        venues=[venue],
        cost_amount=Decimal("12.50"),
    )
    return {"provider": provider, "venue": venue, "service": service}


RESOURCES = {"provider": ProviderResource, "venue": VenueResource, "service": ServiceResource}


def export(client, model: str, fmt: str) -> bytes:
    resource = RESOURCES[model]
    every_column = {
        f"{resource.__name__.lower()}_{name}": "on" for name in resource().get_export_order()
    }
    response = client.post(
        reverse(f"admin:directory_{model}_export"),
        {"format": fmt, "resource": "0", **every_column},
    )
    assert response.status_code == 200, response.content[:500]
    return response.content


def xlsx_rows(content: bytes) -> list[dict]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    header, *rows = list(sheet.iter_rows())
    return [{h.value: cell for h, cell in zip(header, row, strict=True)} for row in rows]


@pytest.mark.parametrize(
    ("model", "column"),
    [("provider", "name"), ("provider", "description"), ("venue", "name"), ("service", "name")],
)
def test_the_back_office_csv_export_shows_formulas_as_text(editor, hostile_records, model, column):
    rows = csv_rows(export(editor, model, CSV_FORMAT).decode())

    assert rows[0][column] == SHOWN


@pytest.mark.parametrize(
    ("model", "column"),
    [("provider", "name"), ("provider", "description"), ("venue", "name"), ("service", "name")],
)
def test_the_back_office_xlsx_export_writes_formulas_as_text(
    editor, hostile_records, model, column
):
    cell = xlsx_rows(export(editor, model, XLSX_FORMAT))[0][column]

    assert cell.data_type != "f"
    assert cell.data_type == "s" and cell.value.startswith("'=")
    assert cell.value == SHOWN


def test_the_back_office_exports_keep_numbers_as_numbers(editor, hostile_records):
    venue = xlsx_rows(export(editor, "venue", XLSX_FORMAT))[0]
    service = xlsx_rows(export(editor, "service", XLSX_FORMAT))[0]
    venue_csv = csv_rows(export(editor, "venue", CSV_FORMAT).decode())[0]

    assert (venue["longitude"].data_type, venue["longitude"].value) == ("n", -2.44)
    assert (service["min_age"].data_type, service["min_age"].value) == ("n", 5)
    assert service["cost_amount"].data_type == "n" and service["cost_amount"].value == 12.5
    assert service["description"].value == "'-- bring a packed lunch"  # text, even with a minus
    assert (venue_csv["latitude"], venue_csv["longitude"]) == ("50.71", "-2.44")


def test_every_back_office_export_writes_through_the_neutralising_formats():
    from directory.spreadsheet_formats import SafeCSV, SafeXLSX

    exporting = [
        model_admin
        for model_admin in admin.site._registry.values()
        if hasattr(model_admin, "get_export_formats")
    ]

    assert exporting, "the back office exports something"
    for model_admin in exporting:
        assert set(model_admin.get_export_formats()) <= {SafeCSV, SafeXLSX}, model_admin


# ---------------------------------------------------------------------------- and back again


def reimport(client, model: str, content: bytes, fmt: str):
    name = f"{model}s.{'csv' if fmt == CSV_FORMAT else 'xlsx'}"
    preview = upload(client, model, content, name, fmt)
    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors(), [
        row.error_dict for row in result.invalid_rows
    ]
    assert confirm(client, model, preview).status_code == 302


@pytest.mark.parametrize("fmt", [CSV_FORMAT, XLSX_FORMAT])
def test_an_exported_file_imports_again_unchanged(editor, hostile_records, fmt):
    for model in ("provider", "venue", "service"):
        reimport(editor, model, export(editor, model, fmt), fmt)

    assert Provider.objects.get().description == HOSTILE
    venue = Venue.objects.get()
    assert (venue.name, venue.longitude) == (HOSTILE, -2.44)
    service = Service.objects.get()
    assert (service.name, service.description) == (HOSTILE, "-- bring a packed lunch")
    assert service.cost_amount == Decimal("12.50")
