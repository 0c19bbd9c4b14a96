"""Large imports, run by the task queue rather than in the officer's request.

A file of more than BACKGROUND_ROWS rows is too slow to check and save while the officer
waits (3,000 rows passed the server's time limit). The upload is kept with an ImportJob and a
task runs it: first every row is checked, CHECK_BATCH rows at a time, each batch in a
transaction that is rolled back, the progress written between batches so that the officer's
page can show it; then, if no row has a problem, every row is saved in one transaction, so
that a failure part way leaves nothing half-written. Its result (rows created, updated and
unchanged, or the problems found) stays on the job to read afterwards."""

import copy
import logging

import tablib
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .imports import ProviderResource, ServiceResource, VenueResource
from .models import ImportJob
from .spreadsheet_formats import SafeCSV, SafeXLSX

logger = logging.getLogger(__name__)

BACKGROUND_ROWS = 500
CHECK_BATCH = 500
PROBLEMS_KEPT = 500  # the first problems found; the count says how many there were

FORMATS = [SafeCSV, SafeXLSX]  # the back office's import formats, in its order
RESOURCES = {
    ImportJob.Records.PROVIDERS: ProviderResource,
    ImportJob.Records.VENUES: VenueResource,
    ImportJob.Records.SERVICES: ServiceResource,
}
FAILED_UNEXPECTEDLY = "The import stopped unexpectedly. Nothing was imported: try again."


def read_dataset(data: bytes, file_format: int) -> tablib.Dataset:
    """The file's rows, read as the back office reads an upload."""
    input_format = FORMATS[file_format]()
    if not input_format.is_binary():
        input_format.encoding = "utf-8-sig"
        data = data.decode("utf-8-sig")
    return input_format.create_dataset(data)


def import_job_start(
    *, records: str, file_name: str, file_format: int, data: bytes, by
) -> ImportJob:
    """Keep an upload to import in the background and queue its task (once the job is saved,
    so that the worker finds it)."""
    job = ImportJob(
        records=records,
        file_name=file_name[:200],
        file_format=file_format,
        data=data,
        started_by=by,
    )
    job.full_clean(exclude=["data", "started_by"])
    with transaction.atomic():
        job.save()
        transaction.on_commit(lambda: import_job_run.enqueue(str(job.pk)))
    return job


def _resource(records: str):
    """A resource for a background run: without the per-row before-and-after copies the
    preview page shows, which nobody sees here and which would double the work."""
    resource = RESOURCES[records]()
    resource._meta = copy.copy(resource._meta)
    resource._meta.skip_diff = True
    return resource


def _problems(result, offset: int) -> list[dict]:
    found = [{"row": None, "column": "", "message": str(e.error)} for e in result.base_errors]
    for number, errors in result.row_errors():
        found += [{"row": offset + number, "column": "", "message": str(e.error)} for e in errors]
    for row in result.invalid_rows:
        for column, messages in row.field_specific_errors.items():
            found += [
                {"row": offset + row.number, "column": column, "message": m} for m in messages
            ]
        found += [
            {"row": offset + row.number, "column": "", "message": m}
            for m in row.non_field_specific_errors
        ]
    return found


def _save_progress(job: ImportJob, **fields) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    job.save(update_fields=list(fields))


def _finish(job: ImportJob, state: str, **fields) -> ImportJob:
    _save_progress(job, state=state, data=b"", finished_at=timezone.now(), **fields)
    return job


def _check(job: ImportJob, dataset: tablib.Dataset) -> tuple[list[dict], list]:
    """Check every row, a batch at a time, writing nothing. One resource checks them all, so
    that a row repeating one in an earlier batch is found."""
    resource = _resource(job.records)
    resource.check_only = True
    problems, warnings = [], []
    for start in range(0, len(dataset), CHECK_BATCH):
        batch = tablib.Dataset(*dataset[start : start + CHECK_BATCH], headers=dataset.headers)
        resource.row_offset = start
        resource.warnings = []
        result = resource.import_data(
            batch, dry_run=True, raise_errors=False, use_transactions=True
        )
        problems += _problems(result, start)
        warnings += [[start + (number or 0), text] for number, text in resource.warnings]
        _save_progress(job, rows_checked=min(start + CHECK_BATCH, len(dataset)))
        if result.base_errors:  # the columns are wrong: every batch would say so
            break
    return problems, warnings


def import_job_run_now(job: ImportJob) -> ImportJob:
    """Check, then save, every row of the job's file (see the module's docstring)."""
    dataset = read_dataset(bytes(job.data), job.file_format)
    _save_progress(job, state=ImportJob.State.CHECKING, rows_total=len(dataset))
    problems, warnings = _check(job, dataset)
    if problems:
        return _finish(
            job,
            ImportJob.State.FAILED,
            problems=problems[:PROBLEMS_KEPT],
            problem_count=len(problems),
            warnings=warnings[:PROBLEMS_KEPT],
        )
    _save_progress(job, state=ImportJob.State.SAVING, warnings=warnings[:PROBLEMS_KEPT])
    result = _resource(job.records).import_data(
        dataset,
        dry_run=False,
        raise_errors=False,
        use_transactions=True,
        rollback_on_validation_errors=True,
    )
    if result.has_errors() or result.has_validation_errors():
        # Something changed between checking and saving: the transaction was rolled back.
        problems = _problems(result, 0)
        return _finish(
            job,
            ImportJob.State.FAILED,
            problems=problems[:PROBLEMS_KEPT],
            problem_count=len(problems),
        )
    return _finish(
        job,
        ImportJob.State.DONE,
        rows_created=result.totals["new"],
        rows_updated=result.totals["update"],
        rows_skipped=result.totals["skip"],
    )


@task()
def import_job_run(job_id: str) -> str:
    """Run a queued import; a job already started (a task delivered twice) is left alone."""
    claimed = ImportJob.objects.filter(pk=job_id, state=ImportJob.State.QUEUED).update(
        state=ImportJob.State.CHECKING
    )
    if not claimed:
        return "not queued"
    job = ImportJob.objects.get(pk=job_id)
    try:
        import_job_run_now(job)
    except Exception:
        logger.exception("Import %s failed", job_id)
        problem = {"row": None, "column": "", "message": FAILED_UNEXPECTEDLY}
        _finish(job, ImportJob.State.FAILED, problems=[problem], problem_count=1)
    return job.state
