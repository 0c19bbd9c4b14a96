from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.nonprod.demo.council import seed_council
from portal.nonprod.demo.directory import seed_directory
from portal.nonprod.demo.eligibility import seed_ruleset
from portal.nonprod.demo.geography import seed_geography
from portal.nonprod.demo.people import seed_people
from portal.nonprod.demo.personal_assistants import seed_personal_assistants
from portal.nonprod.demo.places_now import seed_places_now
from portal.nonprod.demo.statement import seed_statement


class Command(BaseCommand):
    help = (
        "Load the fictional demo council. Safe to run again: it brings the demo back to its start."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help=(
                "Run even with DEBUG off. The demo has published passwords: "
                "never use this on a live site."
            ),
        )

    def handle(self, *args, allow_without_debug=False, **options):
        if not settings.DEBUG and not allow_without_debug:
            raise CommandError(
                "seed_demo creates accounts with published passwords, so it only runs with "
                "DEBUG on. Use --allow-without-debug for a private demo server."
            )
        with transaction.atomic():
            council = seed_council()
            localities = seed_geography()
            services = seed_directory(localities)
            seed_places_now(services)
            seed_personal_assistants()
            ruleset = seed_ruleset()
            people = seed_people()
            statement = seed_statement(
                by=next((p for p in people if p.username == "commissioner"), None)
            )
            # Rows the migrations made (the council's default lists) get a first version too,
            # so that an officer can revert to them.
            call_command("populate_history", auto=True, stdout=StringIO(), stderr=StringIO())
        providers = len({service.provider_id for service in services})
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo council '{council.name}' ready: {len(localities)} localities, "
                f"{providers} providers, {len(services)} services, the ruleset "
                f"'{ruleset}', statement version {statement.number}, "
                f"{len(people)} demo sign-in(s)."
            )
        )
