"""Reading eligibility case files (YAML: ruleset parameters and cases) strictly.

A council checks its own criteria with these files, so anything that is not exactly in the
vocabulary is refused, naming the case, its line and the reason, rather than guessed at.
"""

import datetime as dt
from dataclasses import dataclass, fields

import yaml

from directory.ages import MAX_AGE

from .rules import (
    AWARDED,
    BENEFITS,
    CONDITIONS,
    EHCP,
    EQUIVALENT_EVIDENCE,
    EQUIVALENT_NEED_OUTCOMES,
    EVIDENCE,
    FLAGS,
    SUPPORT_RATIOS,
    TRIGGERS,
    UNSURE_FLAGS,
    Answers,
    Assessment,
    Disability,
    Passport,
    Ruleset,
    Targeted,
    assess,
)


class CaseFileError(ValueError):
    """The file cannot be used: the message says where and why."""


class _Loader(yaml.SafeLoader):
    """YAML's safe loader, but an impossible date (30 February) is an error with its line."""

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as error:
            raise yaml.constructor.ConstructorError(
                None, None, f"{node.value} is not a real date ({error})", node.start_mark
            ) from error


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


@dataclass(frozen=True)
class Case:
    name: str
    reference_date: dt.date
    answers: Answers
    expect: dict[str, str]
    line: int


@dataclass(frozen=True)
class CaseFile:
    ruleset: Ruleset
    cases: list[Case]


def _where(name, line):
    return f"case '{name}' (line {line})" if name else f"line {line}"


def _bool(value, what):
    if not isinstance(value, bool):
        raise ValueError(f"{what} must be true or false, not {value!r}")
    return value


def _choice(value, allowed, what):
    if value not in allowed:
        raise ValueError(f"{what} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _date(value, what):
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ValueError(f"{what} must be a date like 2016-03-01, not {value!r}")
    return value


def _age(value, what):
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_AGE:
        raise ValueError(
            f"{what} must be a whole number of years from 0 to {MAX_AGE}, not {value!r}"
        )
    return value


def _list(value, allowed, what):
    if not isinstance(value, list):
        raise ValueError(f"{what} must be a list, not {value!r}")
    for item in value:
        _choice(item, allowed, f"each of {what}")
    return tuple(value)


def parse_answers(raw) -> Answers:
    """Answers from a mapping in the file's vocabulary."""
    if not isinstance(raw, dict):
        raise ValueError("answers must be a mapping of answer to value")
    known = {f.name for f in fields(Answers)}
    values = {}
    unsure = []
    for key, value in raw.items():
        if key not in known or key == "unsure":
            raise ValueError(f"unknown answer '{key}'")
        if key in UNSURE_FLAGS and value == "not_sure":
            unsure.append(key)
        elif key in UNSURE_FLAGS and not isinstance(value, bool):
            raise ValueError(f"{key} must be true, false or not_sure, not {value!r}")
        elif key in ("resident", "school_in_area", *FLAGS):
            values[key] = _bool(value, key)
        elif key == "date_of_birth":
            values[key] = _date(value, key)
        elif key == "disability":
            text = {True: "true", False: "false"}.get(value, value)
            values[key] = Disability(_choice(text, [d.value for d in Disability], key))
        elif key == "needs":
            if not isinstance(value, list) or not all(isinstance(n, str) for n in value):
                raise ValueError(f"needs must be a list of need codes, not {value!r}")
            values[key] = tuple(value)
        elif key in BENEFITS:
            values[key] = _choice(value, BENEFITS[key], key)
        elif key == "ehcp":
            values[key] = _choice(value, EHCP, key)
        elif key == "evidence":
            values[key] = _list(value, EVIDENCE, key)
        elif key == "support_ratio":
            values[key] = _choice(value, SUPPORT_RATIOS, key)
    return Answers(**values, unsure=tuple(unsure))


def parse_passport(raw) -> Passport:
    """A passport: {benefit: rate} or {benefit: dla_care, rate: highest}, either with an
    optional min_age and max_age; or 'benefit rate'."""
    if isinstance(raw, str):
        parts = raw.replace(":", " ").split()
        if len(parts) != 2:
            raise ValueError(f"a passport must be a benefit and a rate, not {raw!r}")
        raw = {parts[0]: parts[1]}
    if not isinstance(raw, dict):
        raise ValueError(f"a passport must be a benefit and a rate, not {raw!r}")
    if "benefit" in raw or "rate" in raw:
        unknown = set(raw) - {"benefit", "rate", "min_age", "max_age"}
        if unknown:
            raise ValueError(
                f"a passport written with benefit and rate may also have only min_age and "
                f"max_age, not '{sorted(unknown, key=str)[0]}'"
            )
        if "benefit" not in raw or "rate" not in raw:
            raise ValueError(f"a passport needs both a benefit and a rate, not {raw!r}")
        if not isinstance(raw["benefit"], str) or raw["benefit"] not in AWARDED:
            raise ValueError(f"benefit must be one of {', '.join(AWARDED)}, not {raw['benefit']!r}")
        raw = {raw["benefit"]: raw["rate"]} | {
            key: raw[key] for key in ("min_age", "max_age") if key in raw
        }
    ages = {key: _age(raw[key], key) for key in ("min_age", "max_age") if key in raw}
    benefits = [key for key in raw if key not in ("min_age", "max_age")]
    if len(benefits) != 1 or benefits[0] not in AWARDED:
        raise ValueError(f"a passport names one benefit, one of {', '.join(AWARDED)}, not {raw!r}")
    benefit = benefits[0]
    return Passport(benefit, _choice(raw[benefit], AWARDED[benefit], f"the {benefit} rate"), **ages)


def _at(index: int, lines: list[int], parse, raw):
    """parse(raw), its error naming the line of the list's item `index`, where known."""
    try:
        return parse(raw)
    except ValueError as error:
        if index < len(lines):
            raise ValueError(f"passport on line {lines[index]}: {error}") from error
        raise


def parse_ruleset(raw, passport_lines: list[int] = ()) -> Ruleset:
    """A ruleset from the file's parameters; a missing one takes the default. passport_lines
    are the lines of the passports' items, for the errors."""
    if raw is None:
        return Ruleset()
    if not isinstance(raw, dict):
        raise ValueError("ruleset must be a mapping of parameter to value")
    known = {f.name for f in fields(Ruleset)}
    values = {}
    for key, value in raw.items():
        if key not in known:
            raise ValueError(f"unknown ruleset parameter '{key}'")
        if key == "name":
            values[key] = str(value)
        elif key in ("min_age", "age_limit"):
            values[key] = _age(value, key)
        elif key == "extended_age_limit":
            values[key] = None if value is None else _age(value, key)
        elif key in ("extended_requires", "also_require"):
            values[key] = _list(value, CONDITIONS, key)
        elif key in (
            "school_in_area_counts",
            "cdp_counts_as_dla",
            "adp_counts_as_pip",
            "exclude_if_open_to_disability_team",
        ):
            values[key] = _bool(value, key)
        elif key == "passports":
            if not isinstance(value, list):
                raise ValueError("passports must be a list")
            values[key] = tuple(
                _at(index, passport_lines, parse_passport, item) for index, item in enumerate(value)
            )
        elif key == "equivalent_evidence":
            values[key] = _list(value, EQUIVALENT_EVIDENCE, key)
        elif key == "equivalent_need_outcome":
            values[key] = Targeted(_choice(value, EQUIVALENT_NEED_OUTCOMES, key))
        elif key == "specialist_triggers":
            values[key] = _list(value, TRIGGERS, key)
    ruleset = Ruleset(**values)
    if ruleset.min_age >= ruleset.age_limit:
        raise ValueError("min_age must be below age_limit")
    return ruleset


def _item_lines(node, *path: str) -> list[int]:
    """The line on which each item of the list at `path` starts, from YAML's node tree."""
    for name in path:
        if not isinstance(node, yaml.MappingNode):
            return []
        node = next((value for key, value in node.value if key.value == name), None)
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [item.start_mark.line + 1 for item in node.value]


def parse_case_file(text: str) -> CaseFile:
    """The ruleset and the cases of a case file. Raises CaseFileError naming what is wrong."""
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 (a SafeLoader)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        lines = _item_lines(root, "cases")
        passport_lines = _item_lines(root, "ruleset", "passports")
    except yaml.YAMLError as error:
        raise CaseFileError(f"The file is not valid YAML: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise CaseFileError("The file must have a 'cases' list (and may have a 'ruleset').")
    unknown = set(data) - {"ruleset", "cases"}
    if unknown:
        raise CaseFileError(f"Unknown top-level key '{sorted(unknown)[0]}'.")
    try:
        ruleset = parse_ruleset(data.get("ruleset"), passport_lines)
    except ValueError as error:
        raise CaseFileError(f"ruleset: {error}") from error
    cases = []
    for index, raw in enumerate(data["cases"]):
        line = lines[index] if index < len(lines) else 0
        name = raw.get("name") if isinstance(raw, dict) else None
        try:
            cases.append(parse_case(raw, line))
        except ValueError as error:
            raise CaseFileError(f"{_where(name, line)}: {error}") from error
    return CaseFile(ruleset, cases)


def parse_case(raw, line: int = 0) -> Case:
    if not isinstance(raw, dict):
        raise ValueError("a case must be a mapping with name, reference_date, answers, expect")
    unknown = set(raw) - {"name", "reference_date", "answers", "expect"}
    if unknown:
        raise ValueError(f"unknown key '{sorted(unknown)[0]}'")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("every case needs a name")
    reference_date = _date(raw.get("reference_date"), "reference_date")
    answers = parse_answers(raw.get("answers", {}))
    if answers.date_of_birth is None:
        raise ValueError("answers need a date_of_birth")
    if answers.date_of_birth > reference_date:
        raise ValueError("date_of_birth is after the reference_date")
    expect = raw.get("expect")
    if not isinstance(expect, dict) or not expect:
        raise ValueError("expect must name targeted, specialist_assessment or both")
    for key, value in expect.items():
        if key == "targeted":
            _choice(value, [t.value for t in Targeted], "expect.targeted")
        elif key == "specialist_assessment":
            _choice(value, [a.value for a in Assessment], "expect.specialist_assessment")
        else:
            raise ValueError(f"unknown expectation '{key}'")
    return Case(name.strip(), reference_date, answers, dict(expect), line)


@dataclass(frozen=True)
class CaseResult:
    case: Case
    got: dict[str, str]

    @property
    def passed(self) -> bool:
        return all(self.got[key] == value for key, value in self.case.expect.items())

    def describe(self) -> str:
        """One line: PASS or FAIL, the case, and what differed."""
        if self.passed:
            return f"PASS {self.case.name}"
        wrong = [
            f"{key} expected {value}, got {self.got[key]}"
            for key, value in self.case.expect.items()
            if self.got[key] != value
        ]
        return f"FAIL {self.case.name}: {'; '.join(wrong)}"


def run_case(case: Case, ruleset: Ruleset) -> CaseResult:
    """What the ruleset gives for a case, beside what the case expects."""
    outcome = assess(case.answers, ruleset, case.reference_date)
    return CaseResult(
        case,
        {
            "targeted": outcome.targeted.value,
            "specialist_assessment": outcome.specialist_assessment.value,
        },
    )
