import uuid
from dataclasses import dataclass

from django.db import connections, models
from django.db.models import F, IntegerField, UUIDField, Value
from django.db.models.functions import Cast


class TaxonomyQuerySet(models.QuerySet):
    def by_code(self):
        """Terms keyed by code, in display order."""
        return {term.code: term for term in self}


@dataclass(frozen=True)
class Term:
    id: object
    code: str
    name: str
    min_age: int | None = None
    max_age: int | None = None
    bit: int | None = None
    description: str = ""


@dataclass(frozen=True)
class FilterOptions:
    """Every council-edited list a directory search can filter by, in display order, the
    council's words that mean the same (directory.keywords.Synonyms), and the version of the
    published data (seq, token) the search index must be at (directory.search_index), all read
    in one query."""

    localities: tuple[Term, ...]
    needs: tuple[Term, ...]
    kinds: tuple[Term, ...]
    features: tuple[Term, ...]
    age_bands: tuple[Term, ...]
    synonyms: tuple[str, ...] = ()
    index_version: tuple[int, str] | None = None

    def mask(self, list_name: str, codes) -> int:
        """The combined bits of the named list's terms with these codes."""
        mask = 0
        for term in getattr(self, list_name):
            if term.code in codes:
                mask |= 1 << term.bit
        return mask

    @classmethod
    def load(cls, alias: str = "default"):
        """Read all five lists, the synonyms and the data's version in one query. The query never
        changes, so it is compiled once per database and kept: compiling it cost more than
        running it."""
        if alias not in _COMPILED:
            _COMPILED[alias] = _union().using(alias).query.sql_with_params()
        sql, params = _COMPILED[alias]
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        lists = {name: [] for name in ("localities", "needs", "kinds", "features", "age_bands")}
        index_version, synonyms = None, []
        for label, id_, code, name, position, min_age, max_age, bit, description in rows:
            if label == "index":
                index_version = (int(position), code)
                continue
            if label == "synonyms":
                synonyms.append(name)
                continue
            order = min_age if label == "age_bands" else position
            term = Term(_as_uuid(id_), code, name, min_age, max_age, bit, description)
            lists[label].append((order, name, term))
        return cls(
            **{
                label: tuple(term for *_, term in sorted(items, key=lambda item: item[:2]))
                for label, items in lists.items()
            },
            synonyms=tuple(sorted(synonyms)),
            index_version=index_version,
        )


_COMPILED: dict[str, tuple[str, tuple]] = {}


def _as_uuid(value):
    return value if isinstance(value, uuid.UUID) else uuid.UUID(value)


def _union():
    from ..models import (
        AccessibilityFeature,
        AgeBand,
        BreakKind,
        Locality,
        Need,
        SearchIndexVersion,
        SynonymGroup,
    )

    # Typed, or PostgreSQL takes them as text.
    no_number = Cast(Value(None), IntegerField())

    def terms(model, label, ages=False, bit=True):
        # Every column is an annotation, so each part selects them in the same order.
        columns = {
            "t_list": Value(label),
            "t_id": F("id"),
            "t_code": F("code"),
            "t_name": F("name"),
            "t_position": F("position"),
            "t_min_age": F("min_age") if ages else no_number,
            "t_max_age": F("max_age") if ages else no_number,
            "t_bit": F("bit") if bit else no_number,
            "t_description": F("description"),
        }
        return model.objects.order_by().annotate(**columns).values_list(*columns)

    # The data's version rides in the code (token) and position (seq) columns of a row.
    index = {
        "t_list": Value("index"),
        "t_id": Cast(Value(None), UUIDField()),
        "t_code": F("token"),
        "t_name": Value(""),
        "t_position": Cast(F("seq"), IntegerField()),
        "t_min_age": no_number,
        "t_max_age": no_number,
        "t_bit": no_number,
        "t_description": Value(""),
    }
    synonyms = index | {
        "t_list": Value("synonyms"),
        "t_id": F("id"),
        "t_code": Value(""),
        "t_name": F("words"),
        "t_position": no_number,
    }
    return terms(Locality, "localities").union(
        terms(Need, "needs"),
        terms(BreakKind, "kinds"),
        terms(AccessibilityFeature, "features"),
        terms(AgeBand, "age_bands", ages=True, bit=False),
        SearchIndexVersion.objects.order_by().annotate(**index).values_list(*index),
        SynonymGroup.objects.order_by().annotate(**synonyms).values_list(*synonyms),
        all=True,
    )
