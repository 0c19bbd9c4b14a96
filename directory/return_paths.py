"""Where a form sends a visitor back to: a path on this site, never an address a form was
tampered to carry (an open redirect), and never a name Django would try to reverse."""

from django.utils.http import url_has_allowed_host_and_scheme

LONGEST_PATH = 2000


def same_site_path(target: str | None) -> str | None:
    """The target if it is a path on this site ("/directory/?age=9"), else None."""
    if not target or len(target) > LONGEST_PATH:
        return None
    if not target.startswith("/") or target.startswith(("//", "/\\")):
        return None
    if any(ord(character) < 32 or ord(character) == 127 for character in target):
        return None
    # Django's own check on top: no scheme, no host, nothing a browser reads as another site.
    if not url_has_allowed_host_and_scheme(target, allowed_hosts=set(), require_https=False):
        return None
    return target
