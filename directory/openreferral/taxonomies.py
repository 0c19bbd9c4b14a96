"""The directory's lists as Open Referral taxonomies: each list is a taxonomy, each entry a term.

Terms of the council's lists keep their database ids. Tiers are fixed choices, not rows, so
their ids, and the ids of the taxonomies themselves, are made from names (UUID version 5) and
never change."""

import uuid
from dataclasses import dataclass

from ..models import Tier
from ..querysets import FilterOptions

NAMESPACE = uuid.UUID("5f0c8a4e-2b7d-4c1e-9a36-7d2f4b8e1c90")


def stable_id(*parts) -> uuid.UUID:
    """The same UUID every time for the same parts: for things that are not rows of their own."""
    return uuid.uuid5(NAMESPACE, ":".join(str(part) for part in parts))


@dataclass(frozen=True)
class Taxonomy:
    key: str  # how the portal names the list
    name: str
    description: str

    @property
    def id(self) -> uuid.UUID:
        return stable_id("taxonomy", self.key)


TIERS = Taxonomy(
    "tiers",
    "Short break tiers",
    "Who decides whether a family can use a short break: open to everyone (universal), the "
    "provider without an assessment (targeted), or a social-care assessment (specialist).",
)
NEEDS = Taxonomy(
    "needs",
    "Needs",
    "The needs a short break supports, including the Department for Education's special "
    "educational needs categories.",
)
KINDS = Taxonomy(
    "kinds",
    "Kinds of short break",
    "What happens: the kinds of short break, under the headings of the Breaks for Carers of "
    "Disabled Children Regulations 2011.",
)
AGE_BANDS = Taxonomy("age_bands", "Age bands", "The age ranges families search by.")
LOCALITIES = Taxonomy(
    "localities", "Localities", "The council's areas: where families must live to use a break."
)
FEATURES = Taxonomy(
    "features",
    "Venue accessibility features",
    "What a venue offers disabled children and their families, such as a hoist.",
)
TAXONOMIES = (TIERS, NEEDS, KINDS, AGE_BANDS, LOCALITIES, FEATURES)
BY_ID = {taxonomy.id: taxonomy for taxonomy in TAXONOMIES}


@dataclass(frozen=True)
class Term:
    id: uuid.UUID
    code: str
    name: str
    description: str
    taxonomy: Taxonomy
    bit: int | None = None
    ages: tuple[int, int] | None = None

    @property
    def mask(self) -> int:
        return 1 << self.bit if self.bit is not None else 0


def tier_terms() -> tuple[Term, ...]:
    return tuple(
        Term(stable_id("tier", tier.value), tier.value, tier.label, "", TIERS) for tier in Tier
    )


def all_terms(options: FilterOptions) -> tuple[Term, ...]:
    """Every term of every taxonomy, in the order of TAXONOMIES, from the loaded lists."""
    from_lists = (
        (NEEDS, options.needs),
        (KINDS, options.kinds),
        (AGE_BANDS, options.age_bands),
        (LOCALITIES, options.localities),
        (FEATURES, options.features),
    )
    terms = list(tier_terms())
    for taxonomy, entries in from_lists:
        for entry in entries:
            ages = (entry.min_age, entry.max_age) if taxonomy is AGE_BANDS else None
            terms.append(
                Term(
                    entry.id,
                    entry.code,
                    entry.name,
                    entry.description,
                    taxonomy,
                    entry.bit,
                    ages,
                )
            )
    return tuple(terms)
