"""The production set-up (README, "Deploying") under slow-client and oversize-request attacks.

gunicorn's sync workers handle one connection each, start to finish: a client that sends its
request slowly, or reads the response slowly, holds a worker for as long as it likes. So the
site runs behind nginx (deploy/render_nginx.py), which reads each request in full before it
passes it on and reads each response in full before it sends it back. These tests start that
set-up on 127.0.0.1, attack nginx the way an attacker did, and time the home page meanwhile.

They need nginx (`make nginx`); without it they skip, unless PRODUCTION_TESTS_REQUIRED is set
(`make test-production`), when they fail.
"""

import contextlib
import http.client
import ipaddress
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

# One server for the module: in make test's two processes these tests stay in one.
pytestmark = [pytest.mark.production, pytest.mark.xdist_group("production")]

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
# The home page must answer within this, through nginx, while the attacks run.
FAST = 1.0


# ---------------------------------------------------------------------------- the set-up


def nginx_binary() -> str:
    nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if nginx is None:
        reason = "nginx is not installed: run `make nginx` to install it"
        if os.environ.get("PRODUCTION_TESTS_REQUIRED"):
            pytest.fail(reason)
        pytest.skip(reason)
    return nginx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@dataclass
class Stack:
    nginx_port: int
    gunicorn_port: int
    nginx: subprocess.Popen
    gunicorn: subprocess.Popen
    state: Path


def run(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    """Start a command in its own process group (so that all of it can be stopped)."""
    with log.open("ab") as out:
        return subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def stop(process: subprocess.Popen) -> None:
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue


def wait_for(port: int, process: subprocess.Popen, state: Path, seconds: float = 30) -> None:
    """Wait until the home page answers on `port`, then warm every worker up (each one's first
    page takes longer)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        with contextlib.suppress(OSError, http.client.HTTPException):
            status, _, _ = request(port, "GET", "/", timeout=5)
            if status == 200:
                for _ in range(3):
                    threads = [
                        threading.Thread(target=request, args=(port, "GET", "/")) for _ in range(4)
                    ]
                    for thread in threads:
                        thread.start()
                    for thread in threads:
                        thread.join(10)
                return
        time.sleep(0.2)
    logs = "\n".join(path.read_text(errors="replace")[-3000:] for path in state.glob("**/*.log"))
    raise RuntimeError(f"{process.args[0]} did not answer 200 on port {port}:\n{logs}")


@contextlib.contextmanager
def production_stack(state: Path, workers: int = 2):
    """gunicorn and nginx started as README's "Deploying" says, on SQLite, on free ports."""
    nginx_path = nginx_binary()
    nginx_port, gunicorn_port = free_port(), free_port()
    # Only what production sets: no DJANGO_SETTINGS_MODULE (the default, portal.settings.base),
    # nothing inherited from the test run, and no .env file.
    env = {
        "PATH": f"{BIN}:{os.environ.get('PATH', '/usr/bin:/bin')}",
        "HOME": str(state),
        "LANG": "C.UTF-8",
        "ENV_FILE": str(state / "no.env"),
        "DEBUG": "false",
        "SECRET_KEY": "production-set-up-test-key-" + uuid.uuid4().hex,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"sqlite:///{state / 'db.sqlite3'}",
        "SECURE_SSL_REDIRECT": "false",
        "SITE_URL": f"http://{HOST}:{nginx_port}",
        "BEHIND_TLS_PROXY": "true",
        "TRUSTED_PROXY_HOPS": "1",
        "LOG_LEVEL": "WARNING",
    }
    python = str(BIN / "python")
    logs = state / "nginx"
    logs.mkdir()
    conf = state / "nginx.conf"
    subprocess.run(
        [
            python,
            str(ROOT / "deploy" / "render_nginx.py"),
            f"--listen={HOST}:{nginx_port}",
            f"--upstream={HOST}:{gunicorn_port}",
            f"--pid-file={state / 'nginx.pid'}",
            f"--log-dir={logs}",
            f"--temp-dir={state}",
            f"--output={conf}",
        ],
        check=True,
        env=env,
    )
    # As README's "Deploying" has them, on other ports (and gunicorn with fewer workers).
    gunicorn_command = [
        str(BIN / "gunicorn"),
        "portal.wsgi",
        "--config",
        "deploy/gunicorn.conf.py",
        "--bind",
        f"{HOST}:{gunicorn_port}",
        "--workers",
        str(workers),
    ]
    nginx_command = [nginx_path, "-p", str(state), "-c", str(conf), "-e", str(logs / "startup.log")]
    nginx_command += ["-g", "daemon off;"]
    processes = []
    try:
        # With DEBUG off the pages link to hashed static files: collectstatic writes their
        # manifest (into STATIC_ROOT, staticfiles/, which git ignores). Both take seconds.
        setup = [
            run([python, "manage.py", "migrate", "--no-input"], env, state / "migrate.log"),
            run([python, "manage.py", "collectstatic", "--no-input"], env, state / "static.log"),
        ]
        processes += setup
        if any(process.wait(120) != 0 for process in setup):
            logs = (state / "migrate.log").read_text() + (state / "static.log").read_text()
            raise RuntimeError(f"migrate or collectstatic failed:\n{logs}")
        processes.append(gunicorn := run(gunicorn_command, env, state / "gunicorn.log"))
        wait_for(gunicorn_port, gunicorn, state)
        processes.append(nginx := run(nginx_command, env, logs / "stdout.log"))
        wait_for(nginx_port, nginx, state)
        yield Stack(nginx_port, gunicorn_port, nginx, gunicorn, state)
    finally:
        for process in reversed(processes):
            stop(process)


@pytest.fixture(scope="module")
def stack():
    nginx_binary()
    # Readable by nginx's workers, which run as nobody when the tests run as root.
    state = Path(tempfile.mkdtemp(prefix="production-set-up-"))
    state.chmod(0o755)
    try:
        with production_stack(state) as running:
            yield running
    finally:
        shutil.rmtree(state, ignore_errors=True)


# ---------------------------------------------------------------------------- clients


def request(port, method, path, body=None, headers=None, timeout=10.0):
    """(status, seconds, body) of one request, on a new connection; status None on a timeout."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    start = time.monotonic()
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        content = response.read()
        return response.status, time.monotonic() - start, content
    except TimeoutError:
        return None, time.monotonic() - start, b""
    finally:
        connection.close()


def home_page_times(port, times, interval):
    """Fetch the home page `times` times, `interval` seconds apart: [(status, seconds)]."""
    results = []
    for _ in range(times):
        status, seconds, _ = request(port, "GET", "/")
        results.append((status, round(seconds, 3)))
        time.sleep(interval)
    return results


def assert_fast(results):
    assert all(status == 200 and seconds < FAST for status, seconds in results), (
        f"the home page must answer 200 within {FAST} s while attacked: {results}"
    )


class Attack:
    """A few attacking threads, each of which stops by itself at the deadline, or sooner when
    the server hangs up on it; leaving the block stops and joins them all."""

    def __init__(self, seconds):
        self.deadline = time.monotonic() + seconds
        self.stopping = threading.Event()
        self.threads = []
        self.results = {}

    def start(self, name, target, *args):
        thread = threading.Thread(target=self._run, args=(name, target, args), daemon=True)
        self.threads.append(thread)
        thread.start()

    def _run(self, name, target, args):
        try:
            self.results[name] = target(self, *args)
        except OSError as error:
            self.results[name] = error

    def running(self):
        return not self.stopping.is_set() and time.monotonic() < self.deadline

    def wait_all(self):
        for thread in self.threads:
            thread.join(max(0, self.deadline - time.monotonic()) + 5)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(5)


def connect(port, receive_buffer=None):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if receive_buffer:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
    sock.settimeout(5)
    sock.connect((HOST, port))
    return sock


def hung_up(sock, seconds):
    """Wait up to `seconds` for the server to close the connection (or answer): True if it did."""
    readable, _, _ = select.select([sock], [], [], seconds)
    if not readable:
        return False
    with contextlib.suppress(OSError):
        sock.recv(65536)
    return True


def trickle(attack, port, head, pieces, interval):
    """Send `head`, then one of `pieces` every `interval` seconds until the attack ends or the
    server hangs up: the seconds after which the server hung up, or None."""
    start = time.monotonic()
    with connect(port) as sock:
        sock.sendall(head)
        for piece in pieces:
            if not attack.running():
                return None
            if hung_up(sock, min(interval, max(0, attack.deadline - time.monotonic()))):
                return round(time.monotonic() - start, 1)
            try:
                sock.sendall(piece)
            except OSError:
                return round(time.monotonic() - start, 1)
    return None


def slowloris(attack, port):
    """Headers, one line every 1.5 s, never finished."""
    head = f"GET / HTTP/1.1\r\nHost: {HOST}\r\nUser-Agent: slowloris\r\n".encode()
    lines = (f"X-Padding-{n}: {n}\r\n".encode() for n in range(1000))
    return trickle(attack, port, head, lines, 1.5)


def slow_body(attack, port):
    """A form post that announces 100,000 bytes and sends 8 a second. It has a CSRF cookie,
    as anyone can get, so that Django reads the body to look for the token."""
    head = (
        f"POST /directory/shortlist/save/ HTTP/1.1\r\nHost: {HOST}\r\n"
        f"Cookie: csrftoken={'a' * 32}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n"
    ).encode()
    return trickle(attack, port, head, (b"services" for _ in range(100000 // 8)), 1.0)


def slow_reader(attack, port):
    """Asks for the 130 kB stylesheet and reads it a byte at a time, twice a second."""
    with connect(port, receive_buffer=4096) as sock:
        sock.sendall(f"GET /static/build/application.css HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode())
        received = 0
        while attack.running():
            if not sock.recv(1):
                break
            received += 1
            time.sleep(0.5)
        return received


def post(port, path, size, content_type="application/x-www-form-urlencoded"):
    """A POST announcing `size` bytes that sends at most the first 64 kB of them unless they
    are accepted: (status, seconds, body)."""
    start = time.monotonic()
    with connect(port) as sock:
        sock.settimeout(10)
        sock.sendall(
            f"POST {path} HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {size}\r\nConnection: close\r\n\r\n".encode()
        )
        with contextlib.suppress(OSError):
            sock.sendall(b"x" * min(size, 65536))
        response = http.client.HTTPResponse(sock)
        response.begin()
        return response.status, round(time.monotonic() - start, 3), response.read()


# ---------------------------------------------------------------------------- the tests


def test_slow_clients_do_not_hold_the_workers(stack):
    """20 slowloris connections, 2 slow bodies and 2 slow readers, against 2 workers."""
    port = stack.nginx_port
    with Attack(seconds=13) as attack:
        for n in range(20):
            attack.start(f"slowloris {n}", slowloris, port)
        for n in range(2):
            attack.start(f"slow body {n}", slow_body, port)
            attack.start(f"slow reader {n}", slow_reader, port)
        time.sleep(2)
        results = home_page_times(port, times=6, interval=1)
        attack.wait_all()

    assert_fast(results)
    # nginx hung up on the unfinished headers itself, after client_header_timeout (10 s).
    hung = {name: after for name, after in attack.results.items() if name.startswith("slowloris")}
    assert all(after is not None and 9 <= after <= 12.5 for after in hung.values()), hung
    readers = [attack.results[f"slow reader {n}"] for n in range(2)]
    assert all(isinstance(received, int) and received > 5 for received in readers), readers


def test_oversize_requests_are_refused_quickly(stack):
    """2.4 MB form posts (64,000 ids) and bodies over nginx's limits, while the home page is
    fetched: the posts are refused at once, the bodies over the limit get nginx's 413, and the
    home page stays fast."""
    port = stack.nginx_port
    services = ",".join(str(uuid.uuid4()) for _ in range(64_000))
    shortlist = f"services={services}".encode()
    assert len(shortlist) > 2_300_000

    def big_posts(attack):
        results = []
        while attack.running():
            status, seconds, _ = request(
                port,
                "POST",
                "/directory/shortlist/save/",
                body=shortlist,
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )
            results.append((status, round(seconds, 3)))
            time.sleep(0.5)
        return results

    def too_large(attack, path, size):
        results = []
        while attack.running():
            status, seconds, body = post(port, path, size)
            results.append((status, seconds, b"too large" in body))
            time.sleep(0.5)
        return results

    with Attack(seconds=3) as attack:
        for n in range(3):
            attack.start(f"shortlist {n}", big_posts)
        attack.start("public 4 MB", too_large, "/directory/shortlist/save/", 4_000_000)
        attack.start("admin 11 MB", too_large, "/admin/login/", 11_000_000)
        time.sleep(0.2)
        results = home_page_times(port, times=5, interval=0.5)
        attack.wait_all()

    assert_fast(results)
    for n in range(3):
        posts = attack.results[f"shortlist {n}"]
        assert posts, attack.results
        # Refused at once: 403 without a CSRF token (or 429 once the address has sent many).
        assert all(400 <= status < 500 and seconds < FAST for status, seconds in posts), posts
    for name in ("public 4 MB", "admin 11 MB"):
        refused = attack.results[name]
        assert refused, attack.results
        assert all(status == 413 and seconds < FAST and page for status, seconds, page in refused)
    # The back office takes imports of up to 10 MB: 5 MB reach Django (403 without a token).
    status, _, body = request(port, "POST", "/admin/login/", body=b"x" * 5_000_000)
    assert status != 413 and 400 <= status < 500, (status, body[:300])


def test_head_and_missing_pages_are_not_server_errors(stack):
    port = stack.nginx_port
    status, _, body = request(port, "HEAD", "/")
    assert (status, body) == (200, b"")
    assert request(port, "GET", "/no-such-page/")[0] == 404
    assert request(port, "HEAD", "/no-such-page/")[0] == 404


def listening(pid: int) -> set[tuple[str, int]]:
    """The TCP addresses the processes in `pid`'s process group listen on (from /proc)."""
    inodes = set()
    for proc in Path("/proc").iterdir():
        with contextlib.suppress(OSError, ValueError):
            if os.getpgid(int(proc.name)) == pid:
                for fd in (proc / "fd").iterdir():
                    with contextlib.suppress(OSError):
                        inodes.add(os.readlink(fd).removeprefix("socket:[").removesuffix("]"))
    addresses = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:  # LISTEN
                host, port = fields[1].split(":")
                raw = bytes.fromhex(host)
                raw = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
                addresses.add((str(ipaddress.ip_address(raw)), int(port, 16)))
    return addresses


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux's /proc")
def test_gunicorn_listens_only_where_nginx_expects_it(stack):
    assert listening(stack.gunicorn.pid) == {(HOST, stack.gunicorn_port)}
    assert listening(stack.nginx.pid) == {(HOST, stack.nginx_port)}
