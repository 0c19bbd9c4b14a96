"""Large imports run on the task queue: the officer is sent to a progress page, every row is
checked before any is saved, nothing is half-written when something fails, and the result is
kept to read afterwards. Tasks run at once in tests (portal/settings/test.py), once the job is
saved; test_the_database_worker_runs_an_import runs the real queue and worker once."""

import html
import json

import pytest
import tablib
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from directory import import_jobs
from directory.models import ImportJob, Service
from directory.roles import DIRECTORY_EDITOR, PROVIDER
from tests.directory import test_imports
from tests.directory.conftest import XLSX_FORMAT, upload
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
council_lists = test_imports.council_lists


@pytest.fixture(autouse=True)
def small_batches(monkeypatch):
    """A file of more than 4 rows goes to the background, checked 3 rows at a time."""
    monkeypatch.setattr(import_jobs, "BACKGROUND_ROWS", 4)
    monkeypatch.setattr(import_jobs, "CHECK_BATCH", 3)


@pytest.fixture
def editor(client):
    client.force_login(UserFactory(roles=[DIRECTORY_EDITOR]))
    return client


def services_xlsx(count: int, **changes_by_row) -> bytes:
    """An XLSX file of `count` services from the template; changes_by_row["row_2"] = {...}."""
    example = test_imports.template_rows("services")[0]
    rows = [
        example | {"name": f"Club {n}"} | changes_by_row.get(f"row_{n}", {})
        for n in range(1, count + 1)
    ]
    return tablib.Dataset(*[list(r.values()) for r in rows], headers=list(example)).export("xlsx")


@pytest.fixture
def send(editor, django_capture_on_commit_callbacks):
    """Upload an XLSX file of services; its task runs once the job is saved."""

    def upload_file(content: bytes):
        with django_capture_on_commit_callbacks(execute=True):
            return upload(editor, "service", content, "services.xlsx", XLSX_FORMAT)

    return upload_file


def page_of(response) -> str:
    return html.unescape(response.content.decode())


def test_a_large_file_is_imported_in_the_background(editor, send, council_lists):
    response = send(services_xlsx(7))

    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert (job.state, job.rows_total, job.rows_checked) == ("done", 7, 7)
    assert (job.rows_created, job.rows_updated, job.problem_count) == (7, 0, 0)
    assert job.data == b""  # the upload is not kept once imported
    assert Service.objects.count() == 7
    assert Service.objects.get(name="Club 7").kinds.count() == 2

    page = page_of(editor.get(job.get_absolute_url()))
    assert "Records added</th><td>7</td>" in page
    assert 'value="100"' in page  # the progress bar, full


def test_a_small_file_is_still_previewed_first(editor, send, council_lists):
    response = send(services_xlsx(4))

    assert response.status_code == 200 and response.context["confirm_form"] is not None
    assert not ImportJob.objects.exists() and not Service.objects.exists()


def test_a_bad_row_in_a_later_batch_means_nothing_is_imported(editor, send, council_lists):
    send(services_xlsx(8, row_7={"max_age": "5"}, row_8={"name": "Club 2"}))

    job = ImportJob.objects.get()
    assert job.state == "failed" and Service.objects.count() == 0
    assert {"row": 7, "column": "max_age"} | {"message": job.problems[0]["message"]} in (
        job.problems
    )
    assert any(p["row"] == 8 and "repeats row 2" in p["message"] for p in job.problems)
    page = page_of(editor.get(job.get_absolute_url()))
    assert "Nothing was imported" in page and "repeats row 2" in page
    assert "The oldest age must not be below the youngest age." in page


def test_wrong_columns_fail_at_once_and_name_the_expected_ones(editor, send, council_lists):
    book = tablib.Dataset(*[["Drama"]] * 6, headers=["title"])

    send(book.export("xlsx"))

    job = ImportJob.objects.get()
    assert job.state == "failed" and job.rows_checked == 3  # one batch, then it stopped
    assert (
        "The columns do not match the template (missing id, provider" in job.problems[0]["message"]
    )


def test_a_failure_while_saving_leaves_nothing_half_written(
    editor, send, council_lists, monkeypatch
):
    calls = []

    def fail_late(self, instance, is_create, row, **kwargs):
        calls.append(1)
        if not self.check_only and len(calls) > 3:
            raise RuntimeError("the disk is full")
        return original(self, instance, is_create, row, **kwargs)

    original = import_jobs.ServiceResource.save_instance
    monkeypatch.setattr(import_jobs.ServiceResource, "save_instance", fail_late)

    send(services_xlsx(6))

    job = ImportJob.objects.get()
    assert job.state == "failed" and Service.objects.count() == 0
    assert job.problem_count >= 1


def test_an_unexpected_error_is_kept_as_the_result(editor, send, council_lists, monkeypatch):
    def broken(dataset):
        raise RuntimeError("boom")

    monkeypatch.setattr(import_jobs, "_check", lambda job, dataset: broken(dataset))

    send(services_xlsx(6))

    job = ImportJob.objects.get()
    assert job.state == "failed"
    assert job.problems == [{"row": None, "column": "", "message": import_jobs.FAILED_UNEXPECTEDLY}]
    assert Service.objects.count() == 0


def test_a_job_runs_once(council_lists, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = import_jobs.import_job_start(
            records="service", file_name="s.xlsx", file_format=1, data=services_xlsx(5), by=None
        )

    assert import_jobs.import_job_run.call(str(job.pk)) == "not queued"
    assert Service.objects.count() == 5


def test_the_progress_page_while_it_runs(editor, council_lists, django_assert_max_num_queries):
    job = ImportJob.objects.create(
        records="service",
        file_name="services.xlsx",
        file_format=1,
        state="checking",
        rows_total=10_000,
        rows_checked=4_000,
    )

    with django_assert_max_num_queries(12):
        page = page_of(editor.get(job.get_absolute_url()))

    assert "Checking the rows" in page and "4000 of 10000 rows checked." in page
    assert '<progress id="import-progress-bar" max="100" value="36">' in page
    assert f'href="{job.get_absolute_url()}">Refresh</a>' in page  # without JavaScript
    assert "js/import-progress" in page

    progress = editor.get(reverse("admin:directory_importjob_progress", args=[job.pk]))
    assert json.loads(progress.content) == {
        "state": "checking",
        "state_label": "Checking the rows",
        "finished": False,
        "percent": 36,
        "rows_total": 10_000,
        "rows_checked": 4_000,
    }


def test_imports_are_listed_to_read_afterwards(editor, send, council_lists):
    send(services_xlsx(5))

    listing = page_of(editor.get(reverse("admin:directory_importjob_changelist")))

    assert "Services from services.xlsx" in listing


@pytest.mark.parametrize("address", ["00000000-0000-0000-0000-000000000000", "nonsense"])
def test_an_unknown_import_is_not_found(editor, address):
    assert editor.get(f"/admin/directory/importjob/{address}/change/").status_code == 404


def test_a_provider_user_sees_no_imports(client, council_lists):
    user = UserFactory(roles=[PROVIDER])
    council_lists.users.add(user)
    client.force_login(user)
    job = ImportJob.objects.create(records="service", file_name="s.xlsx", file_format=1)

    assert client.get(job.get_absolute_url()).status_code == 403
    progress = client.get(reverse("admin:directory_importjob_progress", args=[job.pk]))
    assert progress.status_code == 403


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_runs_an_import(council_lists):
    """The production path: the job's task waits in the database until `db_worker` runs it."""
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    ):
        job = import_jobs.import_job_start(
            records="service", file_name="s.xlsx", file_format=1, data=services_xlsx(5), by=None
        )
        job.refresh_from_db()
        assert job.state == "queued" and Service.objects.count() == 0

        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)

    job.refresh_from_db()
    assert (job.state, job.rows_created) == ("done", 5)
