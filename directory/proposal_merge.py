"""Approving a provider's proposed change made some time ago: only what the provider changed
goes live. The proposal is compared with the listing as it was when it was proposed (its
base); a field the provider did not touch keeps its live value, whatever officers did since.
Where an officer changed the same field since, differently, the approver chooses which value
to keep: nothing is decided for them."""

from collections.abc import Mapping
from dataclasses import dataclass

from django.db import models

from .models import Service
from .versions import changed_fields


class Keep(models.TextChoices):
    """Which value of a field changed by both a provider and an officer goes live."""

    LIVE = "live", "Keep the live value (changed since by an officer)"
    PROPOSED = "proposed", "Take the provider's value"


@dataclass(frozen=True)
class Merge:
    """What approving would make the listing. `provider_changed`: the fields the provider
    changed from its base; `clashes`: those an officer also changed since, differently;
    `unresolved`: the clashes with no choice made yet."""

    listing: dict
    provider_changed: list[str]
    clashes: list[str]
    unresolved: list[str]


def proposal_merge(
    *, base: dict | None, proposed: dict, live: dict, choices: Mapping[str, str] | None = None
) -> Merge:
    """The live listing with the provider's changes from `base` applied, each clash as
    `choices` says (field name to a Keep value). Without a base (a change proposed before
    versions were kept), every field where the proposal differs from live is the provider's."""
    choices = choices or {}
    base = base if base is not None else live
    provider_changed = changed_fields(Service, base, proposed)
    officer_changed = set(changed_fields(Service, base, live))
    clashes = [
        name
        for name in provider_changed
        if name in officer_changed and name in changed_fields(Service, live, proposed)
    ]
    listing = dict(live)
    unresolved = []
    for name in provider_changed:
        if name in clashes:
            keep = choices.get(name)
            if keep not in Keep.values:
                unresolved.append(name)
                continue
            if keep == Keep.LIVE:
                continue
        if name in proposed:
            listing[name] = proposed[name]
    return Merge(listing, provider_changed, clashes, unresolved)
