"""Who is asking, for rate limits and sign-in lockouts: the visitor's IP address, also behind
proxies."""

import ipaddress

from django.conf import settings


def address_behind_proxies(remote_addr: str, forwarded_for: str, hops: int) -> str:
    """The client's address when `hops` proxies of ours each appended the address they saw to
    X-Forwarded-For: the hops-th entry from the right. Entries left of it came from the client
    and can be forged, so they are never read. With no proxy, or a header shorter than our
    proxies would make (a request that did not come through them), the peer's own address."""
    if hops <= 0:
        return remote_addr
    entries = [entry.strip() for entry in forwarded_for.split(",")] if forwarded_for else []
    if len(entries) < hops:
        return remote_addr
    try:
        return str(ipaddress.ip_address(entries[-hops]))
    except ValueError:
        return remote_addr


def client_ip(request) -> str:
    """The address of the person asking (settings.TRUSTED_PROXY_HOPS)."""
    remote_addr = request.META.get("REMOTE_ADDR") or "0.0.0.0"  # noqa: S104 (a key, not a bind)
    return address_behind_proxies(
        remote_addr, request.META.get("HTTP_X_FORWARDED_FOR", ""), settings.TRUSTED_PROXY_HOPS
    )
