"""The demo council's criteria: the West Sussex-style default, with its cases, published."""

import datetime as dt
from pathlib import Path

from django.conf import settings

from eligibility.case_files import parse_case_file
from eligibility.models import Ruleset
from eligibility.services import ruleset_from_case_file, ruleset_publish

CASES_FILE = Path(settings.BASE_DIR) / "fixtures" / "eligibility" / "west-sussex-style-cases.yaml"
VALID_FROM = dt.date(2026, 1, 1)


def seed_ruleset() -> Ruleset:
    """Publish the default ruleset from the shipped case file, unless it is already in force."""
    case_file = parse_case_file(CASES_FILE.read_text(encoding="utf-8"))
    existing = (
        Ruleset.objects.published()
        .filter(name=case_file.ruleset.name, valid_from=VALID_FROM)
        .first()
    )
    if existing is not None:
        return existing
    for draft in Ruleset.objects.filter(name=case_file.ruleset.name, status="draft"):
        draft.delete()
    ruleset = ruleset_from_case_file(case_file=case_file, valid_from=VALID_FROM)
    return ruleset_publish(ruleset=ruleset)
