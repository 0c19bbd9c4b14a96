"""A family's shortlist of services, kept in their session: no account, nothing else stored."""

import uuid
from collections.abc import Iterable, Sequence

from django.core.exceptions import BadRequest

SESSION_KEY = "shortlist"
MAX_SERVICES = 50


class TooManyServices(BadRequest):
    """More ids than a shortlist can hold: a tampered form or link, answered with the 400 page
    before any work is done for it."""


def parse_ids(values: Sequence[str]) -> list[uuid.UUID]:
    """The valid service ids among at most MAX_SERVICES values, in order and without repeats."""
    if len(values) > MAX_SERVICES:
        raise TooManyServices(f"A shortlist holds at most {MAX_SERVICES} services.")
    ids: dict[uuid.UUID, None] = {}
    for value in values:
        try:
            ids[uuid.UUID(str(value).strip())] = None
        except ValueError:
            continue
    return list(ids)


class Shortlist:
    """The service ids a family has saved, oldest first."""

    def __init__(self, session):
        self.session = session

    @property
    def ids(self) -> list[uuid.UUID]:
        # Reading a session that was never started must not create one.
        if not self.session.session_key and SESSION_KEY not in self.session:
            return []
        return parse_ids(self.session.get(SESSION_KEY, []))

    def __len__(self):
        return len(self.ids)

    def __contains__(self, service_id):
        return service_id in self.ids

    def _save(self, ids):
        self.session[SESSION_KEY] = [str(i) for i in ids[:MAX_SERVICES]]

    def add(self, service_id: uuid.UUID) -> bool:
        """Add a service; False if the shortlist is full."""
        ids = self.ids
        if service_id in ids:
            return True
        if len(ids) >= MAX_SERVICES:
            return False
        self._save([*ids, service_id])
        return True

    def remove(self, service_id: uuid.UUID) -> bool:
        """Remove a service; False if it was not there (and then nothing is written, so a
        visitor with no shortlist gets no session)."""
        ids = self.ids
        if service_id not in ids:
            return False
        self._save([i for i in ids if i != service_id])
        return True

    def extend(self, service_ids: Iterable[uuid.UUID]) -> None:
        """Add the services not there yet, up to the limit."""
        ids = self.ids
        known = set(ids)
        new = [i for i in service_ids if i not in known]
        if new:
            self._save(ids + new)
