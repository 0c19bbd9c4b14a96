"""A family's shortlist of services, kept in their session: no account, nothing else stored."""

import uuid
from collections.abc import Iterable

SESSION_KEY = "shortlist"
MAX_SERVICES = 50


def parse_ids(values: Iterable[str]) -> list[uuid.UUID]:
    """The valid service ids among the values, in order and without repeats."""
    ids = []
    for value in values:
        try:
            service_id = uuid.UUID(str(value).strip())
        except ValueError:
            continue
        if service_id not in ids:
            ids.append(service_id)
    return ids[:MAX_SERVICES]


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

    def remove(self, service_id: uuid.UUID) -> None:
        self._save([i for i in self.ids if i != service_id])

    def extend(self, service_ids: Iterable[uuid.UUID]) -> None:
        ids = self.ids
        self._save(ids + [i for i in service_ids if i not in ids])
