from django.core.management.base import BaseCommand, CommandError

from directory.postcode_import import PostcodeFileError, open_text, postcodes_import


class Command(BaseCommand):
    help = (
        "Load postcode positions from the ONS Postcode Directory (pcds, lat, long) or a simple "
        "CSV (postcode, latitude, longitude, locality). Reports every row it skips, and why."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the CSV file")
        parser.add_argument(
            "--local-authority",
            metavar="CODE",
            help="ONSPD only: keep the council's own postcodes, e.g. E06000059",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="check the file and report, but save nothing"
        )

    def handle(self, *args, file, local_authority=None, dry_run=False, **options):
        try:
            with open_text(file) as text:
                report = postcodes_import(
                    text=text, local_authority=local_authority, dry_run=dry_run
                )
        except FileNotFoundError as error:
            raise CommandError(f"There is no file at {file}") from error
        except PostcodeFileError as error:
            raise CommandError(str(error)) from error

        verb = "Would save" if dry_run else "Saved"
        self.stdout.write(
            f"Read {report.rows} rows. {verb} {report.postcodes} postcodes and "
            f"{report.districts} postcode districts. Skipped {len(report.skipped)} rows."
        )
        if report.other_areas:
            self.stdout.write(
                f"Left out {report.other_areas} postcodes in other local authorities."
            )
        for reason, count in report.skip_reasons.most_common():
            lines = [str(line) for line, why in report.skipped if why == reason][:10]
            more = "" if count <= 10 else f" and {count - 10} more"
            self.stdout.write(f"  {count} skipped: {reason} (rows {', '.join(lines)}{more})")
