"""`manage.py check_eligibility_cases FILE.yaml`: a council's own case file."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from eligibility.services import ruleset_new_version, ruleset_publish, ruleset_retire

CASES = (
    Path(__file__).resolve().parents[2]
    / "fixtures"
    / "eligibility"
    / "west-sussex-style-cases.yaml"
)


def run(*args):
    out = StringIO()
    call_command("check_eligibility_cases", *args, stdout=out)
    return out.getvalue()


def test_the_shipped_case_file_passes(db):
    output = run(str(CASES))

    assert output.count("PASS ") == 21
    assert output.strip().endswith("21 passed, 0 failed")


def test_a_failing_case_is_reported_and_the_command_fails(tmp_path, db):
    path = tmp_path / "cases.yaml"
    path.write_text(CASES.read_text().replace("name: West Sussex style (default)", "age_limit: 16"))
    out = StringIO()

    with pytest.raises(CommandError, match="cases failed"):
        call_command("check_eligibility_cases", str(path), stdout=out)

    assert (
        "FAIL PIP daily living standard rate at 16: targeted expected likely, got over_age"
        in out.getvalue()
    )
    assert out.getvalue().strip().endswith("19 passed, 2 failed")


def test_a_malformed_file_is_refused_with_the_case_and_the_reason(tmp_path, db):
    path = tmp_path / "cases.yaml"
    path.write_text(CASES.read_text().replace("dla_care: middle}", "dla_care: medium}", 1))

    with pytest.raises(
        CommandError,
        match=(
            r"case 'DLA middle rate care at 10 is a passport' \(line \d+\): "
            r"dla_care must be one of"
        ),
    ):
        run(str(path))


def test_a_missing_file_is_refused(db):
    with pytest.raises(CommandError, match="Cannot read"):
        run("/no/such/cases.yaml")


def test_published_runs_the_files_cases_against_the_ruleset_in_force(default_ruleset):
    output = run(str(CASES), "--published")

    assert f"Against the published ruleset: {default_ruleset}" in output
    assert output.strip().endswith("21 passed, 0 failed")

    stricter = ruleset_new_version(ruleset=default_ruleset, valid_from=timezone.localdate())
    stricter.cases.filter(name__contains="16").delete()
    stricter.cases.filter(name__contains="18th").delete()
    stricter.cases.filter(name__contains="day before").delete()
    stricter.age_limit = 16
    stricter.save()
    ruleset_publish(ruleset=stricter)
    with pytest.raises(CommandError, match="failed"):
        run(str(CASES), "--published")


def test_published_needs_a_ruleset_in_force(default_ruleset):
    ruleset_retire(ruleset=default_ruleset)

    with pytest.raises(CommandError, match="No ruleset is published for today"):
        run(str(CASES), "--published")
