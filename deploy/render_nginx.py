"""Write the nginx configuration for the portal from deploy/nginx.conf.template.

    python deploy/render_nginx.py --listen 80 --upstream 127.0.0.1:8000 -o /etc/nginx/nginx.conf

Every option but -o can also be given as an environment variable (NGINX_LISTEN,
NGINX_UPSTREAM, ...; lists comma-separated). The defaults suit Debian's nginx package run by its
own service, with the portal's gunicorn on 127.0.0.1:8000. See README, "Deploying".
"""

import argparse
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "nginx.conf.template"
PLACEHOLDER = re.compile(r"@[A-Z_]+@")


def _env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    env = os.environ.get
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--listen",
        action="append",
        help="address to serve plain HTTP on, e.g. 80 or 127.0.0.1:8080 (repeatable; "
        "default 80 unless --tls-listen is given)",
    )
    parser.add_argument(
        "--tls-listen",
        action="append",
        help="address to serve HTTPS on, e.g. 443 (repeatable; needs --tls-cert and --tls-key)",
    )
    parser.add_argument("--tls-cert", default=env("NGINX_TLS_CERT"), help="certificate chain")
    parser.add_argument("--tls-key", default=env("NGINX_TLS_KEY"), help="its private key")
    parser.add_argument(
        "--upstream",
        default=env("NGINX_UPSTREAM", "127.0.0.1:8000"),
        help="gunicorn's --bind address (default 127.0.0.1:8000)",
    )
    parser.add_argument(
        "--trusted-proxy",
        action="append",
        help="address or CIDR of a load balancer in front of nginx that ends TLS and appends "
        "to X-Forwarded-For (repeatable; default none: nginx faces the internet)",
    )
    parser.add_argument(
        "--conn-per-ip",
        type=int,
        default=int(env("NGINX_CONN_PER_IP", "50")),
        help="requests in progress at once from one address (default 50)",
    )
    parser.add_argument(
        "--user",
        default=env("NGINX_USER", ""),
        help="user nginx's workers run as when started by root (Debian: www-data)",
    )
    parser.add_argument("--pid-file", default=env("NGINX_PID_FILE", "/run/nginx.pid"))
    parser.add_argument("--log-dir", default=env("NGINX_LOG_DIR", "/var/log/nginx"))
    parser.add_argument(
        "--temp-dir",
        default=env("NGINX_TEMP_DIR", "/var/lib/nginx"),
        help="where nginx buffers request and response bodies to disk (default /var/lib/nginx)",
    )
    parser.add_argument(
        "--error-pages",
        default=env("NGINX_ERROR_PAGES", str(HERE / "error_pages")),
        help="folder of nginx's own error pages (default deploy/error_pages)",
    )
    parser.add_argument("-o", "--output", help="file to write (default standard output)")
    args = parser.parse_args(argv)
    args.listen = args.listen or _env_list("NGINX_LISTEN")
    args.tls_listen = args.tls_listen or _env_list("NGINX_TLS_LISTEN")
    args.trusted_proxy = args.trusted_proxy or _env_list("NGINX_TRUSTED_PROXIES")
    if args.tls_listen and not (args.tls_cert and args.tls_key):
        parser.error("--tls-listen needs --tls-cert and --tls-key")
    if not args.listen and not args.tls_listen:
        args.listen = ["80"]
    if args.conn_per_ip < 1:
        parser.error("--conn-per-ip must be at least 1")
    return args


def render(args: argparse.Namespace) -> str:
    """The configuration for these options."""
    listen = [f"        listen {address};" for address in args.listen]
    listen += [f"        listen {address} ssl http2;" for address in args.tls_listen]
    tls = []
    if args.tls_listen:
        tls = [
            f"        ssl_certificate {args.tls_cert};",
            f"        ssl_certificate_key {args.tls_key};",
            "        ssl_protocols TLSv1.2 TLSv1.3;",
            "        ssl_prefer_server_ciphers off;",
            "        ssl_session_cache shared:TLS:10m;",
            "        ssl_session_timeout 1d;",
        ]
    real_ip = [f"    set_real_ip_from {proxy};" for proxy in args.trusted_proxy]
    if real_ip:
        real_ip.append("    real_ip_header X-Forwarded-For;")
    # A placeholder alone on its line stands for lines (none, one or more) ...
    blocks = {
        "USER": [f"user {args.user};"] if args.user else [],
        "LISTEN": listen,
        "TLS": tls,
        "REAL_IP": real_ip,
        "TRUSTED_PROXIES": [f"        {proxy} 1;" for proxy in args.trusted_proxy],
    }
    # ... and one within a line for a value.
    values = {
        "PID_FILE": args.pid_file,
        "LOG_DIR": args.log_dir.rstrip("/"),
        "TEMP_DIR": args.temp_dir.rstrip("/"),
        "ERROR_PAGES": str(Path(args.error_pages).resolve()),
        "UPSTREAM": args.upstream,
        "CONN_PER_IP": str(args.conn_per_ip),
    }
    lines = []
    for line in TEMPLATE.read_text().splitlines():
        if PLACEHOLDER.fullmatch(line.strip()):
            lines += blocks[line.strip().strip("@")]
        else:
            lines.append(PLACEHOLDER.sub(lambda match: values[match.group(0).strip("@")], line))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    text = render(args)
    if args.output:
        Path(args.output).write_text(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
