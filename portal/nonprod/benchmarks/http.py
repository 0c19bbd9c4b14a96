"""An HTTP load benchmark of the production set-up (`make bench-http`, docs/performance.md).

A fresh database gets the demo council and N generated services; nginx in front of gunicorn is
started on it as README's "Deploying" says, with DEBUG off; wrk loads each page in turn. Each
page's requests per second is read against the trivial view's (/health: the whole middleware
stack and nothing else), so that the machine's speed mostly cancels out of the ratio.
"""

import contextlib
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import quote, urlencode

import django
from django.conf import settings
from django.db import connection

from .harness import analyse
from .places_now import add_history, add_places

HOST = "127.0.0.1"
ROOT = Path(settings.BASE_DIR)
BIN = Path(sys.executable).parent
WRK_SCRIPT = Path(__file__).with_name("wrk_report.lua")
WORKERS = 2  # as many sync workers as the benchmark machine has cores (production: 3)
BENCH_DATABASE = "short_breaks_bench"  # on the configured PostgreSQL server; dropped after
TRIVIAL = "trivial view"
POSTCODE = "DT1 1XJ"  # in fixtures/south_wessex_postcodes.csv
# New searches take one of these at random, with one filter, an age and a page.
KEYWORDS = ("club", "swimming", "music", "drama", "holiday", "sensory", "football", "cooking")
PLACES_OPEN, PLACES_HISTORY = 1_000, 20_000
# wrk plays a load balancer that ends TLS in front of nginx (README, "Deploying": nginx given
# --trusted-proxy, the site TRUSTED_PROXY_HOPS=2), so no production setting is turned off:
# as far as the site can tell, each request is HTTPS, from a documentation address.
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.7"}


class BenchError(Exception):
    """The benchmark could not run, or what it measured is not to be trusted."""


# ---------------------------------------------------------------------------- what is loaded


@dataclass(frozen=True)
class Load:
    """wrk's settings for every page but the new searches, which use one connection so that
    their latency is the server's time, not time queued behind other requests."""

    threads: int = 1
    connections: int = 4
    seconds: int = 10
    warmup_seconds: int = 1
    timeout_seconds: int = 10

    def describe(self) -> str:
        return (
            f"wrk -t{self.threads} -c{self.connections} -d{self.seconds}s "
            f"--timeout {self.timeout_seconds}s per page after -d{self.warmup_seconds}s "
            "unmeasured; new searches -c1, not warmed up"
        )


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    connections: int | None = None  # None: the Load's
    # wrk_report.lua's arguments that make every request a new search (its header says how).
    new_searches: tuple[str, ...] = ()


@dataclass(frozen=True)
class Facts:
    """What the pages are built from, read from the seeded database."""

    database: str
    published: int
    last_page: int  # of the directory's whole list
    service_id: str
    localities: tuple[str, ...]
    needs: tuple[str, ...]
    kinds: tuple[str, ...]


def _prefer(codes: tuple[str, ...], code: str) -> str:
    return code if code in codes else codes[0]


def build_pages(facts: Facts, *, seed: int) -> list[Page]:
    """The pages, the trivial view first. Each but the last is asked the same way every time
    (after its first request, a search already asked); the last is a new search every time."""
    combined = {
        "age": 9,
        "need": _prefer(facts.needs, "ASD"),
        "locality": _prefer(facts.localities, "east"),
        "kind": _prefer(facts.kinds, "saturday-club"),
        "postcode": POSTCODE,
    }
    near = urlencode({"postcode": POSTCODE, "proximity": 16000})
    page = min(50, facts.last_page)
    choices = [f"q={quote(word)}" for word in KEYWORDS]
    for name, codes in (("locality", facts.localities), ("need", facts.needs)):
        choices += [f"{name}={quote(code)}" for code in codes]
    choices += [f"kind={quote(code)}" for code in facts.kinds]
    # The places page is never cached: every request is a new search. Its choices are the
    # ones it asks (no keyword).
    place_choices = [choice for choice in choices if not choice.startswith("q=")]
    places_combined = {key: combined[key] for key in ("age", "need", "locality")}
    return [
        Page(TRIVIAL, "/health"),
        Page("home page", "/"),
        Page("search: no filters", "/directory/"),
        Page("search: keyword", "/directory/?q=swimming"),
        Page("search: postcode", f"/directory/?{urlencode({'postcode': POSTCODE})}"),
        Page("search: combined", f"/directory/?{urlencode(combined)}"),
        Page(f"search: page {page}", f"/directory/?page={page}"),
        Page("service page", f"/directory/services/{facts.service_id}/"),
        Page("API: services", "/api/openreferral/services?search=club"),
        Page("API: near a postcode", f"/api/openreferral/service_at_locations?{near}"),
        Page("places: no filters", "/places/"),
        Page("places: combined", f"/places/?{urlencode(places_combined)}"),
        Page(
            "new places searches",
            "/places/",
            connections=1,
            new_searches=(f"seed={seed}", *place_choices),
        ),
        Page("new searches", "/directory/", connections=1, new_searches=(f"seed={seed}", *choices)),
    ]


def wrk_command(url: str, page: Page, load: Load, *, seconds: int) -> list[str]:
    """wrk's command line for one page."""
    connections = page.connections or load.connections
    command = ["wrk", f"-t{min(load.threads, connections)}", f"-c{connections}", f"-d{seconds}s"]
    command.append(f"--timeout={load.timeout_seconds}s")
    for name, value in PROXY_HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    command += ["-s", str(WRK_SCRIPT), url + page.path]
    return command + (["--", *page.new_searches] if page.new_searches else [])


# ---------------------------------------------------------------------------- what is read


@dataclass(frozen=True)
class Result:
    page: Page
    requests: int
    seconds: float
    bytes: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    non_2xx: int
    first_bad_status: int
    errors: int  # sockets: connect, read, write, timeout

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def failed(self) -> bool:
        return bool(self.non_2xx or self.errors or not self.requests)


def parse_report(page: Page, output: str) -> Result:
    """The Result in wrk's output: the last `wrk-report {json}` line of wrk_report.lua."""
    lines = [line for line in output.splitlines() if line.startswith("wrk-report ")]
    if not lines:
        raise BenchError(f"wrk wrote no report for {page.name}:\n{output[-2000:]}")
    report = json.loads(lines[-1].removeprefix("wrk-report "))
    milliseconds = {f"p{p}_ms": report[f"p{p}_us"] / 1000 for p in (50, 95, 99)}
    counts = ("requests", "seconds", "bytes", "non_2xx", "first_bad_status", "errors")
    return Result(page=page, **milliseconds, **{name: report[name] for name in counts})


TABLE_HEADER = (
    "| page | requests/s | p50 ms | p95 ms | p99 ms | of the trivial view's requests/s | KB "
    "| non-2xx |\n|---|---|---|---|---|---|---|---|"
)


def table_row(result: Result, ceiling: float) -> str:
    """One page's row; `ceiling` is the trivial view's requests per second."""
    page = result.page
    name = f"{page.name} (-c{page.connections})" if page.connections else page.name
    # Only under the same load as the trivial view's is the share meaningful.
    share = f"{100 * result.per_second / ceiling:.1f}%" if ceiling and not page.connections else "-"
    size = result.bytes / result.requests / 1024 if result.requests else 0.0
    bad = f"**{result.non_2xx}** (first: {result.first_bad_status})" if result.non_2xx else "0"
    if result.errors:
        bad += f", **{result.errors} socket errors**"
    if not result.requests:
        bad += ", **no requests**"
    return (
        f"| {name} | {result.per_second:.1f} | {result.p50_ms:.1f} | {result.p95_ms:.1f} "
        f"| {result.p99_ms:.1f} | {share} | {size:.1f} | {bad} |"
    )


def format_table(results: list[Result]) -> str:
    """Every page's row under the header, each against the trivial view's row."""
    ceiling = next((r.per_second for r in results if r.page.name == TRIVIAL), 0.0)
    return "\n".join([TABLE_HEADER, *(table_row(result, ceiling) for result in results)])


@dataclass(frozen=True)
class Memory:
    name: str
    pid: int
    rss_mb: float
    pss_mb: float


def parse_smaps_rollup(text: str) -> tuple[float, float]:
    """(RSS, PSS) in MB from the text of /proc/<pid>/smaps_rollup, which counts in kB. PSS
    shares each page among the processes that map it: what a worker really adds."""
    sizes = {}
    for line in text.splitlines():
        key, _, rest = line.partition(":")
        if key in ("Rss", "Pss"):
            sizes[key] = int(rest.split()[0]) / 1024
    return sizes["Rss"], sizes["Pss"]


def memory_table(rows: list[Memory]) -> str:
    lines = ["| process | pid | RSS MB | PSS MB |", "|---|---|---|---|"]
    return "\n".join(
        lines + [f"| {m.name} | {m.pid} | {m.rss_mb:.1f} | {m.pss_mb:.1f} |" for m in rows]
    )


def gunicorn_memory(master: int) -> list[Memory]:
    """The memory of gunicorn's master and of each of its workers (Linux's /proc)."""
    workers = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            # The parent's pid is the second field after the command (in brackets).
            if int(stat.read_text().rpartition(")")[2].split()[1]) == master:
                workers.append(int(stat.parent.name))
    named = [("gunicorn master", master)]
    named += [(f"gunicorn worker {n}", pid) for n, pid in enumerate(sorted(workers), 1)]
    return [
        Memory(name, pid, *parse_smaps_rollup(Path(f"/proc/{pid}/smaps_rollup").read_text()))
        for name, pid in named
    ]


# ---------------------------------------------------------------------------- the set-up


def _environment(state: Path, database_url: str, **variables: str) -> dict[str, str]:
    """Only what production sets: nothing inherited, no .env file, the default settings (and
    the caller's CACHE_URL, to measure with a shared cache such as redis)."""
    env = {
        "PATH": f"{BIN}:{os.environ.get('PATH', '/usr/bin:/bin')}",
        "HOME": str(state),
        "LANG": "C.UTF-8",
        "ENV_FILE": str(state / "no.env"),
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "WARNING",
        **variables,
    }
    if os.environ.get("CACHE_URL"):
        env["CACHE_URL"] = os.environ["CACHE_URL"]
    return env


def _run(command: list[str], what: str, env: dict[str, str] | None = None) -> str:
    """Run one of our commands to its end: its standard output, or BenchError."""
    done = subprocess.run(  # noqa: S603 (our own commands)
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        said = (done.stdout + done.stderr)[-3000:]
        raise BenchError(f"{what} failed (exit status {done.returncode}):\n{said}")
    return done.stdout


@contextlib.contextmanager
def bench_database(state: Path) -> Iterator[str]:
    """A new, empty database beside the configured one, removed afterwards: its DATABASE_URL.
    SQLite: a file in `state`. PostgreSQL: BENCH_DATABASE on the configured server."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{state / 'bench.sqlite3'}"
        return
    if connection.vendor != "postgresql":
        raise BenchError(f"make bench-http runs on SQLite or PostgreSQL, not {connection.vendor}")
    import psycopg
    from psycopg import sql

    configured = connection.settings_dict
    server = {key.lower(): configured[key] or None for key in ("HOST", "PORT", "USER", "PASSWORD")}
    name = sql.Identifier(BENCH_DATABASE)
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name)
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(drop)
        admin.execute(sql.SQL("CREATE DATABASE {}").format(name))
    try:
        user = quote(configured["USER"] or "", safe="")
        if configured["PASSWORD"]:
            user += ":" + quote(configured["PASSWORD"], safe="")
        address = f"{configured['HOST'] or 'localhost'}:{configured['PORT'] or 5432}"
        yield f"postgres://{user}{'@' if user else ''}{address}/{BENCH_DATABASE}"
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(drop)


def seed(state: Path, database_url: str, services: int, write: Callable[[str], object]) -> Facts:
    """Migrate, load the demo council, add `services` generated services and analyse, each in
    a process of its own with DEBUG on (the demo's commands exist only then): the Facts."""
    env = _environment(state, database_url, DEBUG="true")
    manage = [str(BIN / "python"), "manage.py"]
    prepare = "from portal.nonprod.benchmarks.http import prepare_database; prepare_database()"
    steps = {
        "migrate": ["migrate", "--no-input"],
        "seed_demo": ["seed_demo"],
        "seed_scale": ["seed_scale", "--services", str(services)],
        "analyse": ["shell", "--no-imports", "-c", prepare],
    }
    timings = []
    for name, arguments in steps.items():
        started = time.perf_counter()
        output = _run([*manage, *arguments], name, env)
        timings.append(f"{name} {time.perf_counter() - started:.1f}s")
    write(f"seeding: {', '.join(timings)}")
    values = json.loads(output.strip().splitlines()[-1])
    return Facts(**{key: tuple(v) if isinstance(v, list) else v for key, v in values.items()})


def prepare_database() -> None:
    """In the seeded database's own process: analyse it as a live one would be, then write
    the Facts as JSON, on the last line."""
    from directory.models import BreakKind, Locality, Need, Postcode, Service
    from directory.views import PAGE_SIZE

    # Short-notice places as on the places benchmark (bench_places_now): a year's history
    # kept for the report, and 1,000 open in the next 14 days.
    add_history(PLACES_HISTORY)
    add_places(PLACES_OPEN)
    analyse()
    if not Postcode.objects.filter(postcode=POSTCODE).exists():
        raise BenchError(f"The demo council has no postcode {POSTCODE}.")
    if connection.vendor == "postgresql":
        version = connection.pg_version
        database = f"PostgreSQL {version // 10000}.{version % 10000}"
    else:
        database = f"SQLite {connection.Database.sqlite_version}"
    published = Service.objects.published()
    facts = Facts(
        database=database,
        published=(count := published.count()),
        last_page=max(1, -(-count // PAGE_SIZE)),
        service_id=str(published.order_by("name", "pk").values_list("pk", flat=True).first()),
        localities=tuple(Locality.objects.order_by("code").values_list("code", flat=True)),
        needs=tuple(Need.objects.order_by("code").values_list("code", flat=True)),
        kinds=tuple(BreakKind.objects.order_by("code").values_list("code", flat=True)),
    )
    sys.stdout.write(json.dumps(asdict(facts)) + "\n")


@dataclass
class Servers:
    url: str  # nginx's
    gunicorn: subprocess.Popen


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    """Start a command in its own process group (Ctrl-C reaches us, not it: we stop it)."""
    with log.open("ab") as out:
        return subprocess.Popen(  # noqa: S603 (our own commands)
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def _stop(process: subprocess.Popen) -> None:
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(wait)
            return


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(url: str, timeout: float = 30) -> tuple[int, bytes]:
    """(status, body) of a GET sent as wrk sends it; a redirect is answered, not followed."""
    request = urllib.request.Request(url, headers=PROXY_HEADERS)  # noqa: S310 (our own server)
    try:
        with urllib.request.build_opener(_NoRedirects).open(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _wait_for(url: str, process: subprocess.Popen, state: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        with contextlib.suppress(OSError):
            if get(url + "/health", timeout=5)[0] == 200:
                return
        time.sleep(0.2)
    logs = "\n".join(path.read_text(errors="replace")[-3000:] for path in state.glob("**/*.log"))
    raise BenchError(f"{process.args[0]} did not answer /health with 200:\n{logs}")


def nginx_binary() -> str:
    nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if nginx is None:
        raise BenchError("nginx is not installed: run `make nginx`")
    return nginx


@contextlib.contextmanager
def production_servers(state: Path, database_url: str, *, workers: int) -> Iterator[Servers]:
    """gunicorn and nginx started as README's "Deploying" says, on free ports, with DEBUG off,
    behind a load balancer that ends TLS (wrk, sending PROXY_HEADERS); stopped afterwards."""
    nginx_port, gunicorn_port = _free_port(), _free_port()
    env = _environment(
        state,
        database_url,
        DEBUG="false",
        SECRET_KEY="bench-http-" + secrets.token_hex(24),
        ALLOWED_HOSTS=HOST,
        SITE_URL=f"https://{HOST}:{nginx_port}",
        BEHIND_TLS_PROXY="true",
        TRUSTED_PROXY_HOPS="2",
    )
    logs, conf, python = state / "nginx", state / "nginx.conf", str(BIN / "python")
    logs.mkdir()
    render = [python, "deploy/render_nginx.py", f"--listen={HOST}:{nginx_port}"]
    render += [f"--trusted-proxy={HOST}", f"--upstream={HOST}:{gunicorn_port}"]
    render += [f"--pid-file={state / 'nginx.pid'}", f"--log-dir={logs}", f"--temp-dir={state}"]
    _run([*render, f"--output={conf}"], "render_nginx.py", env)
    # With DEBUG off the pages link to hashed static files, listed by collectstatic's manifest.
    _run([python, "manage.py", "collectstatic", "--no-input"], "collectstatic", env)
    gunicorn = [str(BIN / "gunicorn"), "portal.wsgi", "--config", "deploy/gunicorn.conf.py"]
    gunicorn += ["--bind", f"{HOST}:{gunicorn_port}", "--workers", str(workers)]
    nginx = [nginx_binary(), "-p", str(state), "-c", str(conf), "-e", str(logs / "startup.log")]
    nginx += ["-g", "daemon off;"]
    processes = []
    try:
        processes.append(_start(gunicorn, env, state / "gunicorn.log"))
        _wait_for(f"http://{HOST}:{gunicorn_port}", processes[0], state)
        processes.append(_start(nginx, env, logs / "stdout.log"))
        _wait_for(f"http://{HOST}:{nginx_port}", processes[1], state)
        yield Servers(f"http://{HOST}:{nginx_port}", processes[0])
    finally:
        for process in reversed(processes):
            _stop(process)


# ---------------------------------------------------------------------------- the run


def measure(servers: Servers, page: Page, load: Load) -> Result:
    """One page: a request that must answer 200, an unmeasured wrk run that also fills each
    worker's caches (not for new searches, which must stay new), then the measured one."""
    status, body = get(servers.url + page.path)
    if status != 200:
        raise BenchError(f"{page.name} ({page.path}) answered {status}:\n{body[:1000]!r}")
    if not page.new_searches:
        _run(wrk_command(servers.url, page, load, seconds=load.warmup_seconds), "wrk")
    command = wrk_command(servers.url, page, load, seconds=load.seconds)
    return parse_report(page, _run(command, "wrk"))


def _first_line(command: list[str], *, exit_status: int = 0) -> str:
    """The first line a command writes, or "" when it fails (wrk --version exits with 1)."""
    with contextlib.suppress(OSError):
        done = subprocess.run(  # noqa: S603 (our own commands)
            command, cwd=ROOT, capture_output=True, text=True, check=False
        )
        if done.returncode == exit_status:
            return (done.stdout + done.stderr).strip().partition("\n")[0]
    return ""


def describe_machine() -> str:
    """Versions, CPUs and how busy the machine was, so that runs can be compared."""
    commit = _first_line(["git", "rev-parse", "--short", "HEAD"]) or "unknown"
    if _first_line(["git", "--no-optional-locks", "status", "--porcelain"]):
        commit += " with uncommitted changes"
    cpu = next(
        (
            line.partition(":")[2].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.machine(),
    )
    wrk = _first_line(["wrk", "--version"], exit_status=1).partition(" [")[0]
    return (
        f"machine: {os.cpu_count()} CPUs ({cpu}), load average "
        f"{', '.join(f'{value:.2f}' for value in os.getloadavg())} before the run\n"
        f"versions: Python {platform.python_version()}, Django {django.get_version()}, "
        f"gunicorn {metadata.version('gunicorn')}, "
        f"{_first_line([nginx_binary(), '-v']).rpartition(': ')[2]}, {wrk}; commit {commit}"
    )


def run_benchmark(
    *, services: int, load: Load, workers: int = WORKERS, write: Callable[[str], object]
) -> list[Result]:
    """The whole benchmark on a database of the configured one's kind, written as it goes.
    Raises BenchError when any response was not 2xx: then the figures measure errors."""
    if shutil.which("wrk") is None:
        raise BenchError("wrk is not installed: run `make wrk`")
    started = time.perf_counter()
    state = Path(tempfile.mkdtemp(prefix="bench-http-"))
    state.chmod(0o755)  # nginx's workers run as nobody when the benchmark runs as root
    results = []
    try:
        write(describe_machine())
        with bench_database(state) as database_url:
            facts = seed(state, database_url, services, write)
            seeded = time.perf_counter()
            write(
                f"database: {facts.database}, {facts.published:,} published services "
                f"({services:,} generated and the demo council's)\n"
                f"servers: nginx in front of gunicorn with {workers} sync workers, DEBUG off\n"
                f"load: {load.describe()}\n"
            )
            pages = build_pages(facts, seed=secrets.randbelow(2**31))
            with production_servers(state, database_url, workers=workers) as servers:
                write(TABLE_HEADER)
                ceiling = 0.0
                for page in pages:
                    results.append(result := measure(servers, page, load))
                    ceiling = result.per_second if page.name == TRIVIAL else ceiling
                    write(table_row(result, ceiling))
                memory = gunicorn_memory(servers.gunicorn.pid)
        write("\nPages:\n" + "\n".join(f"- {page.name}: {page.path}" for page in pages))
        write(f"\nMemory after the run (/proc/<pid>/smaps_rollup):\n{memory_table(memory)}")
        loaded = time.perf_counter() - seeded
        write(f"\nseeding {seeded - started:.0f}s, servers and load {loaded:.0f}s")
    finally:
        shutil.rmtree(state, ignore_errors=True)
    if failed := [result.page.name for result in results if result.failed]:
        raise BenchError(
            "NOT EVERY RESPONSE WAS 2xx, so these rows measure errors, not pages: "
            + ", ".join(failed)
        )
    return results
