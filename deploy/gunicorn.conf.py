"""gunicorn's settings for the portal, behind nginx (README, "Deploying"):

    gunicorn portal.wsgi --config deploy/gunicorn.conf.py

Options on the command line win over these (the tests give another port and fewer workers).
"""

import contextlib

# Only nginx, on the same machine, may reach gunicorn: never bind a public address.
bind = "127.0.0.1:8000"
# Sync workers handle one connection each, start to finish. That is safe only because nginx
# hands them complete requests and takes whole responses at once (deploy/nginx.conf.template).
worker_class = "sync"
workers = 3
timeout = 30
# The application and the directory's search index are loaded once, in the master, and shared
# by the workers (when_ready below).
preload_app = True
# gunicorn trusts X-Forwarded-Proto (and its like) only from these addresses: nginx's.
forwarded_allow_ips = "127.0.0.1,::1"

# More than nginx lets through (client_max_body_size: 10 MB under /admin/, 3 MB elsewhere).
_DRAIN_LIMIT = 11 * 1024 * 1024


def post_request(worker, req, environ, resp):
    """Read what is left of the request's body once the response is sent.

    When Django answers without reading a body (a form refused for its CSRF token or a rate
    limit, a page that takes no POST), the sync worker closes the connection with the body
    unread, and the kernel resets the connection. nginx, still sending that body, then gives
    the visitor a 502 instead of Django's answer (about 1 in 100 times for a 2.4 MB form post).
    nginx sends bodies at once from the same machine, so this takes milliseconds.
    """
    body = environ.get("wsgi.input")
    if body is None:
        return
    left = _DRAIN_LIMIT
    with contextlib.suppress(Exception):
        while left > 0:
            chunk = body.read(min(left, 64 * 1024))
            if not chunk:
                break
            left -= len(chunk)


def _warm_search_index():
    from django.db import connections

    from directory import search_index

    search_index.warm()
    connections.close_all()  # a connection must not cross a fork


def when_ready(server):
    """Build the directory's search index once, in the master, before the workers start: they
    share its memory (copy on write), and no family waits for it (ADR 0011). Freezing the
    garbage collector's view of what is built so far keeps its passes in the workers from
    writing to, and so copying, the shared pages."""
    import gc

    _warm_search_index()
    gc.freeze()


def post_worker_init(worker):
    """Bring the worker's copy of the index up to date (one query when nothing changed)."""
    _warm_search_index()
