from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from eligibility.case_files import CaseFileError, parse_case_file, run_case
from eligibility.models import Ruleset


class Command(BaseCommand):
    help = (
        "Run an eligibility case file (YAML: ruleset parameters and cases; see "
        "docs/eligibility.md). Prints a line per case and 'N passed, N failed'; exits 1 if any "
        "case fails or the file is malformed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--published",
            action="store_true",
            help="run the file's cases against the ruleset the checker uses today, not the file's",
        )

    def handle(self, *args, file, published=False, **options):
        path = Path(file)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        try:
            case_file = parse_case_file(text)
        except CaseFileError as error:
            raise CommandError(f"{file}: {error}") from error

        ruleset = case_file.ruleset
        if published:
            current = Ruleset.objects.current(timezone.localdate())
            if current is None:
                raise CommandError("No ruleset is published for today.")
            ruleset = current.to_rules()
            self.stdout.write(f"Against the published ruleset: {current}")

        results = [run_case(case, ruleset) for case in case_file.cases]
        for result in results:
            self.stdout.write(result.describe())
        passed = sum(result.passed for result in results)
        failed = len(results) - passed
        self.stdout.write(f"{passed} passed, {failed} failed")
        if failed:
            raise CommandError(f"{failed} case{'s' if failed != 1 else ''} failed.")
