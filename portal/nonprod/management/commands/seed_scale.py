import time

from django.core.management.base import BaseCommand, CommandError

from portal.nonprod.demo.scale import seed_scale


class Command(BaseCommand):
    help = (
        "Add N generated published services (with providers, venues and sessions), for benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument("--services", type=int, required=True, help="how many to add")
        parser.add_argument("--seed", type=int, default=1, help="random seed")

    def handle(self, *args, services, seed, **options):
        if services < 1:
            raise CommandError("--services must be 1 or more")
        started = time.perf_counter()
        try:
            seed_scale(services=services, seed=seed)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Added {services} services in {time.perf_counter() - started:.1f}s.")
