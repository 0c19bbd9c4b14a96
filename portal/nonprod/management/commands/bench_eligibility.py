import datetime as dt
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from eligibility.rules import Answers, Disability, Ruleset, assess
from portal.nonprod.benchmarks.harness import fresh_database, percentile
from portal.nonprod.demo.council import seed_council
from portal.nonprod.demo.eligibility import seed_ruleset
from portal.nonprod.demo.geography import seed_geography

# A family's journey: a 10-year-old on DLA middle rate care with 2:1 support and night needs.
ANSWERS = [
    ("postcode", {"answer": "DT1 1XJ"}),
    ("date-of-birth", None),
    ("disability", {"answer": "true"}),
    ("needs", {"answer": ["ASD"]}),
    ("dla-care", {"answer": "middle"}),
    ("support", {"answer": "two_to_one"}),
    ("complex-health", {"answer": "no"}),
    ("night-needs", {"answer": "yes"}),
    ("behaviour-risk", {"answer": "no"}),
    ("carer-struggling", {"answer": "no"}),
    ("disabled-childrens-team", {"answer": "no"}),
]

HEADER = "| request | status | median ms | p95 ms | queries |\n|---|---|---|---|---|"


class Command(BaseCommand):
    help = (
        "Time the eligibility engine per assessment, and each request of a family's journey "
        "through the checker (median and p95), on a fresh database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--assessments", type=int, default=100_000)
        parser.add_argument("--journeys", type=int, default=30)

    def handle(self, *args, assessments, journeys, **options):
        self.stdout.write(self._engine(assessments))
        with fresh_database():
            seed_council()
            seed_geography()
            seed_ruleset()
            self.stdout.write(self._journeys(journeys))

    def _engine(self, assessments):
        answers = Answers(
            resident=True,
            date_of_birth=dt.date(2016, 3, 1),
            disability=Disability.YES,
            dla_care="middle",
            support_ratio="two_to_one",
            night_needs=True,
        )
        ruleset, today = Ruleset(), dt.date(2026, 11, 22)
        started = time.perf_counter()
        for _ in range(assessments):
            assess(answers, ruleset, today)
        each = (time.perf_counter() - started) / assessments * 1_000_000
        return f"Engine: {assessments} assessments, {each:.1f} microseconds each.\n"

    def _journeys(self, journeys):
        today = timezone.localdate()
        born = today.replace(year=today.year - 10, day=min(today.day, 28))
        dob = {"answer_0": born.day, "answer_1": born.month, "answer_2": born.year}
        requests = [("GET", "start", "/check/")]
        for name, data in ANSWERS:
            requests += [("GET", name, f"/check/{name}/"), ("POST", name, data or dob)]
        requests += [
            ("GET", "check-your-answers", "/check/check-your-answers/"),
            ("POST", "check-your-answers", {}),
            ("GET", "result", "/check/result/"),
        ]
        samples = {(method, name): [] for method, name, _ in requests}
        statuses, queries = {}, {}
        for _ in range(journeys):
            client = Client()
            for method, name, target in requests:
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    if method == "GET":
                        response = client.get(target)
                    else:
                        response = client.post(f"/check/{name}/", target)
                    samples[method, name].append((time.perf_counter() - started) * 1000)
                statuses[method, name] = response.status_code
                queries[method, name] = len(captured)
        lines = [f"{connection.vendor}: {journeys} journeys, each step timed on its own.", HEADER]
        for (method, name), times in samples.items():
            lines.append(
                f"| {method} {name} | {statuses[method, name]} | {statistics.median(times):.1f} "
                f"| {percentile(times, 0.95):.1f} | {queries[method, name]} |"
            )
        every = [ms for times in samples.values() for ms in times]
        lines.append(
            f"\nEvery request: median {statistics.median(every):.1f} ms, "
            f"p95 {percentile(every, 0.95):.1f} ms."
        )
        return "\n".join(lines) + "\n"
