"""The back office's import confirm step, attacked as an officer would: it sends back the name
under which the server keeps the previewed upload, in a hidden field. Whatever name comes back,
the server reads and deletes only the uploads it stored itself, and the officer is asked to
upload again rather than shown an error page."""

import csv
import io
import os
import stat
import tempfile
import time
from pathlib import Path
from uuid import uuid4

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from directory.models import Provider
from directory.roles import DIRECTORY_EDITOR
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

UPLOAD_AGAIN = "The import could not be found. Upload the file again."
COLUMNS = (
    "name,description,website,email,phone,ofsted_number,cqc_number,charity_number,"
    "safeguarding_lead,safeguarding_email"
).split(",")


def providers_csv(name: str) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerow(dict.fromkeys(COLUMNS, "") | {"name": name, "description": "A club."})
    return out.getvalue().encode()


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(roles=[DIRECTORY_EDITOR]))
    return client


@pytest.fixture
def previewed(editor):
    """An upload of one new provider, previewed: the confirm form's fields as the page has them."""
    preview = editor.post(
        reverse("admin:directory_provider_import"),
        {
            "import_file": SimpleUploadedFile("providers.csv", providers_csv("Uploaded Club")),
            "format": "0",
            "resource": "0",
        },
    )
    assert preview.status_code == 200
    return dict(preview.context["confirm_form"].initial)


@pytest.fixture
def bystander():
    """A file of someone else's in the server's temporary folder, holding what would import."""
    with tempfile.NamedTemporaryFile(
        dir=tempfile.gettempdir(), suffix=".csv", delete=False
    ) as file:
        file.write(providers_csv("Injected Club"))
    path = Path(file.name)
    yield path
    path.unlink(missing_ok=True)


def confirm(client, fields: dict):
    return client.post(reverse("admin:directory_provider_process_import"), fields)


def shown_messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def assert_asked_to_upload_again(response):
    assert response.status_code == 302
    assert response.url == reverse("admin:directory_provider_import")
    assert shown_messages(response)[-1] == UPLOAD_AGAIN


def test_an_upload_previewed_then_confirmed_is_imported(editor, previewed):
    done = confirm(editor, previewed)

    assert done.status_code == 302
    assert done.url == reverse("admin:directory_provider_changelist")
    assert Provider.objects.filter(name="Uploaded Club").exists()


@pytest.mark.parametrize(
    "tampered",
    [
        pytest.param(lambda other: "../../etc/passwd", id="a-path-out-of-the-folder"),
        pytest.param(lambda other: str(other), id="an-absolute-path-to-another-file"),
        pytest.param(lambda other: other.name, id="the-name-of-another-temporary-file"),
        pytest.param(lambda other: f"../{other.name}", id="a-relative-path-to-another-file"),
        pytest.param(lambda other: uuid4().hex, id="a-well-shaped-name-never-stored"),
        pytest.param(lambda other: uuid4().hex.upper(), id="a-name-in-capitals"),
        pytest.param(lambda other: f"{uuid4().hex}\n", id="a-name-with-a-newline"),
        pytest.param(lambda other: "", id="no-name"),
    ],
)
def test_a_tampered_file_name_reads_and_deletes_nothing(editor, previewed, bystander, tampered):
    response = confirm(editor, previewed | {"import_file_name": tampered(bystander)})

    assert bystander.exists()
    assert bystander.read_bytes() == providers_csv("Injected Club")
    assert not Provider.objects.exists()
    assert_asked_to_upload_again(response)


def test_a_well_shaped_name_of_a_file_outside_the_uploads_folder_is_not_read(editor, previewed):
    outside = Path(tempfile.gettempdir()) / uuid4().hex
    outside.write_bytes(providers_csv("Injected Club"))
    try:
        response = confirm(editor, previewed | {"import_file_name": outside.name})

        assert outside.exists()
        assert not Provider.objects.exists()
        assert_asked_to_upload_again(response)
    finally:
        outside.unlink(missing_ok=True)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("format", "1"),  # the CSV file read as XLSX
        ("format", "7"),
        ("format", "csv"),
        ("format", "-1"),
        ("resource", "3"),
    ],
)
def test_a_tampered_format_or_resource_is_refused_too(editor, previewed, field, value):
    response = confirm(editor, previewed | {field: value})

    assert_asked_to_upload_again(response)
    assert not Provider.objects.exists()


def test_an_upload_is_imported_once_however_often_it_is_confirmed(editor, previewed):
    confirm(editor, previewed)

    again = confirm(editor, previewed)

    assert_asked_to_upload_again(again)
    assert Provider.objects.filter(name="Uploaded Club").count() == 1


# ---------------------------------------------------------------------- where uploads are kept


def test_an_upload_is_kept_under_a_random_name_in_a_folder_only_the_server_can_open(
    editor, previewed
):
    from directory.import_storage import ImportUploadStorage, upload_folder

    name = previewed["import_file_name"]
    stored = Path(ImportUploadStorage(name=name).get_full_path())

    assert len(name) == 32 and set(name) <= set("0123456789abcdef")
    assert stored.parent == upload_folder() and stored.is_file()
    assert stat.S_IMODE(upload_folder().stat().st_mode) == 0o700
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert stored.read_bytes() == providers_csv("Uploaded Club")

    confirm(editor, previewed)

    assert not stored.exists()  # imported, then removed


@pytest.mark.parametrize("name", ["../x", "/etc/passwd", "passwd", "A" * 32, "0" * 31])
def test_the_storage_refuses_a_name_it_did_not_make_before_touching_any_file(name, monkeypatch):
    from directory import import_storage

    def no_file_system(*args, **kwargs):
        raise AssertionError("the file system was touched")

    monkeypatch.setattr(import_storage, "upload_folder", no_file_system)
    monkeypatch.setattr("builtins.open", no_file_system)

    with pytest.raises(import_storage.UploadNotFound):
        import_storage.ImportUploadStorage(name=name).read()


def test_uploads_previewed_but_never_confirmed_are_cleared_after_a_day(editor, previewed):
    from directory.import_storage import STALE_AFTER, ImportUploadStorage

    left = Path(ImportUploadStorage(name=previewed["import_file_name"]).get_full_path())
    long_ago = time.time() - STALE_AFTER - 60
    os.utime(left, (long_ago, long_ago))

    editor.post(
        reverse("admin:directory_provider_import"),
        {
            "import_file": SimpleUploadedFile("providers.csv", providers_csv("Next Club")),
            "format": "0",
            "resource": "0",
        },
    )

    assert not left.exists()
