"""Approving a proposal made some time ago: only what the provider changed goes live, and a
field both the provider and an officer changed waits for the approver's choice."""

import pytest

from directory.proposal_merge import Keep, proposal_merge

BASE = {"name": "Club", "timing_notes": "", "contact_phone": "1", "needs": ["a"]}


@pytest.mark.parametrize(
    ("proposed", "live", "choices", "listing", "clashes", "unresolved"),
    [
        (
            BASE | {"name": "New club"},
            BASE | {"timing_notes": "Not in August", "contact_phone": "2"},
            {},
            BASE | {"name": "New club", "timing_notes": "Not in August", "contact_phone": "2"},
            [],
            [],
        ),
        (
            BASE | {"contact_phone": "3"},
            BASE | {"contact_phone": "2"},
            {},
            BASE | {"contact_phone": "2"},
            ["contact_phone"],
            ["contact_phone"],
        ),
        (
            BASE | {"contact_phone": "3"},
            BASE | {"contact_phone": "2"},
            {"contact_phone": Keep.PROPOSED},
            BASE | {"contact_phone": "3"},
            ["contact_phone"],
            [],
        ),
        (
            BASE | {"contact_phone": "3"},
            BASE | {"contact_phone": "2"},
            {"contact_phone": Keep.LIVE},
            BASE | {"contact_phone": "2"},
            ["contact_phone"],
            [],
        ),
        (
            BASE | {"contact_phone": "3"},
            BASE | {"contact_phone": "3"},
            {},
            BASE | {"contact_phone": "3"},
            [],
            [],
        ),
        (
            BASE | {"needs": ["a", "b"]},
            BASE | {"needs": ["c"]},
            {"needs": "neither"},
            BASE | {"needs": ["c"]},
            ["needs"],
            ["needs"],
        ),
    ],
    ids=[
        "a field the provider did not touch keeps the officer's change",
        "a field both changed differently waits for a choice",
        "the approver takes the provider's value",
        "the approver keeps the live value",
        "the same change by both is no clash",
        "a choice that is not one of the two is no choice",
    ],
)
def test_only_the_providers_changes_go_live(proposed, live, choices, listing, clashes, unresolved):
    merge = proposal_merge(base=BASE, proposed=proposed, live=live, choices=choices)

    assert (merge.clashes, merge.unresolved) == (clashes, unresolved)
    if not unresolved:
        assert merge.listing == listing


def test_without_a_base_every_difference_is_the_providers():
    merge = proposal_merge(base=None, proposed=BASE | {"name": "X"}, live=BASE)

    assert (merge.listing["name"], merge.clashes) == ("X", [])
