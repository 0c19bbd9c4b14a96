"""The directory in the back office: the council's configuration and lists, providers, venues,
services, providers' proposed changes, problem reports and review reminders. Saves go through
directory.services and directory.approvals so that search stays current.

Importing the package registers every page; the modules are split along the back office's
seams: import and export (imports), history and revert (history), what a provider user sees
(scoping), and a module per kind of record."""

from . import (  # noqa: F401
    council,
    import_jobs,
    problem_reports,
    proposed_changes,
    providers,
    review_reminders,
    services,
    synonyms,
    terms,
)
