"""The demo council's criteria: the West Sussex-style default, with its cases, extended to the
25th birthday for young people with an EHC plan, and published.

One story with the demo's young-adult services (catalogue.py): targeted breaks for 16 to 25s
(the befriending scheme) are for young people with an EHC plan, as the criteria say; the
specialist services for up to 25 are reached after an assessment, from 18 a Care Act assessment
by Adult Social Care (council.py has its contacts)."""

import dataclasses
import datetime as dt
from pathlib import Path

from django.conf import settings

from eligibility.case_files import CaseFile, parse_case_file
from eligibility.models import Ruleset
from eligibility.services import ruleset_from_case_file, ruleset_publish

CASES_FILE = Path(settings.BASE_DIR) / "fixtures" / "eligibility" / "west-sussex-style-cases.yaml"
VALID_FROM = dt.date(2026, 1, 1)
NAME = "South Wessex criteria (West Sussex style, to 25 with an EHC plan)"
PUBLIC_NAME = "South Wessex short breaks criteria 2026"
YOUNG_ADULT_CASES = """
cases:
  - name: at 20 with an EHC plan and PIP, targeted breaks go on until 25
    reference_date: 2026-11-22
    answers: {resident: true, date_of_birth: 2006-05-05, disability: true,
              pip_daily_living: enhanced, ehcp: issued}
    expect: {targeted: likely}
  - name: at 20 without an EHC plan, adult social care is the route
    reference_date: 2026-11-22
    answers: {resident: true, date_of_birth: 2006-05-05, disability: true,
              pip_daily_living: enhanced, night_needs: true}
    expect: {targeted: over_age, specialist_assessment: not_suggested}
  - name: on the 25th birthday the extension ends
    reference_date: 2026-11-22
    answers: {resident: true, date_of_birth: 2001-11-22, disability: true,
              pip_daily_living: enhanced, ehcp: issued}
    expect: {targeted: over_age}
  - name: at 17, still on DLA while PIP is decided
    reference_date: 2026-11-22
    answers: {resident: true, date_of_birth: 2009-05-05, disability: true,
              dla_care: middle, pip_daily_living: applied}
    expect: {targeted: likely}
"""


def demo_case_file() -> CaseFile:
    """The shipped default cases and ruleset, with the demo council's extension to 25."""
    default = parse_case_file(CASES_FILE.read_text(encoding="utf-8"))
    extra = parse_case_file(YOUNG_ADULT_CASES)
    ruleset = dataclasses.replace(
        default.ruleset, name=NAME, extended_age_limit=25, extended_requires=("ehcp",)
    )
    return CaseFile(ruleset, [*default.cases, *extra.cases])


def seed_ruleset() -> Ruleset:
    """Publish the demo council's ruleset, unless it is already in force."""
    case_file = demo_case_file()
    existing = Ruleset.objects.published().filter(name=NAME, valid_from=VALID_FROM).first()
    if existing is not None:
        return existing
    for draft in Ruleset.objects.filter(name=NAME, status="draft"):
        draft.delete()
    ruleset = ruleset_from_case_file(case_file=case_file, valid_from=VALID_FROM)
    ruleset.public_name = PUBLIC_NAME
    ruleset.save()
    return ruleset_publish(ruleset=ruleset)
