"""Forms an officer sent that could not be saved yet, kept in their session until they see
them again: the save that arrived after the back office signed them out for being idle
(portal.staff_sessions), and "edit my version again" after an edit conflict
(directory.edit_conflicts). A kept form is only ever put back into its own page, for the same
person, to check and save: never applied."""

import secrets
import time

from django.http import QueryDict
from django.utils.http import urlencode

HELD = "held_forms"
RESTORE = "restore"  # the query parameter naming a kept form
KEEP_AT_MOST = 5  # forms kept per session, the newest
MAX_CHARACTERS = 200_000  # a form bigger than this is not kept: sessions stay small
NOT_KEPT = {"csrfmiddlewaretoken"}
SECRET_WORDS = ("password", "token", "otp")  # never kept in a session, whatever the form
FORM_PAGES = ("/add/", "/change/")  # the pages that can show a kept form again


def is_keepable(path: str) -> bool:
    """Whether a form sent to `path` can be shown again: a change form's or an add form's."""
    return path.endswith(FORM_PAGES)


def form_hold(session, *, user_id, path: str, data: QueryDict) -> str | None:
    """Keep the form sent to `path` by the user, without any secret it holds; the key to ask
    for it back, or None if it cannot be shown again or was too big to keep."""
    if not is_keepable(path):
        return None
    pairs = [
        (name, value)
        for name, value in data.lists()
        if name not in NOT_KEPT and not any(word in name.lower() for word in SECRET_WORDS)
    ]
    if sum(len(name) + sum(len(v) for v in values) for name, values in pairs) > MAX_CHARACTERS:
        return None
    key = secrets.token_urlsafe(12)
    held = dict(session.get(HELD, {}))
    held[key] = {"user": str(user_id), "path": path, "data": pairs, "at": time.time()}
    newest = sorted(held.items(), key=lambda item: item[1]["at"])[-KEEP_AT_MOST:]
    session[HELD] = dict(newest)
    return key


def form_take(session, *, key: str, user_id, path: str) -> QueryDict | None:
    """The form kept under `key`, if it was sent to this page by this user, and forgets it."""
    held = dict(session.get(HELD, {}))
    found = held.get(key)
    if not isinstance(found, dict) or found.get("user") != str(user_id) or found["path"] != path:
        return None
    del held[key]
    session[HELD] = held
    data = QueryDict(mutable=True)
    for name, values in found["data"]:
        data.setlist(name, values)
    return data


def restore_url(path: str, key: str) -> str:
    """The page at `path` (which may have a query) with the kept form `key` put back in it."""
    joiner = "&" if "?" in path else "?"
    return f"{path}{joiner}{urlencode({RESTORE: key})}"
