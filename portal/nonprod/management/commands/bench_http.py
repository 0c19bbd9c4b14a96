import signal
import sys

from django.core.management.base import BaseCommand, CommandError

from portal.nonprod.benchmarks.http import WORKERS, BenchError, Load, run_benchmark


class Command(BaseCommand):
    help = (
        "Seed the demo council and N generated services into a fresh database of the configured "
        "kind, start nginx in front of gunicorn on it with DEBUG off, and load each page with "
        "wrk: requests/s, p50, p95, p99 and the share of the trivial view's requests/s "
        "(docs/performance.md). make bench-http runs it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--services", type=int, default=10_000, help="generated services")
        parser.add_argument("--seconds", type=int, default=Load.seconds, help="wrk's -d per page")
        parser.add_argument(
            "--connections", type=int, default=Load.connections, help="wrk's -c per page"
        )
        parser.add_argument("--workers", type=int, default=WORKERS, help="gunicorn's workers")

    def handle(self, *args, services, seconds, connections, workers, **options):
        if min(services, seconds, connections, workers) < 1:
            raise CommandError("--services, --seconds, --connections and --workers must be 1+")
        # `kill` as well as Ctrl-C stops the servers and removes the database on the way out.
        previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        try:
            run_benchmark(
                services=services,
                load=Load(seconds=seconds, connections=connections),
                workers=workers,
                write=self._write,
            )
        except BenchError as error:
            raise CommandError(str(error)) from error
        except KeyboardInterrupt:
            raise CommandError(
                "Interrupted: the servers and the database are gone.", returncode=130
            ) from None
        finally:
            signal.signal(signal.SIGTERM, previous)

    def _write(self, text: str) -> None:
        self.stdout.write(text)
        self.stdout.flush()
