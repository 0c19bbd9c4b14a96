"""The register's rules, each case named after the policy it checks. No database."""

import datetime as dt

import pytest

from directory.personal_assistants import rules

TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 12, 1), -6, dt.date(2026, 6, 1)),
        (dt.date(2026, 8, 31), -6, dt.date(2026, 2, 28)),
        (dt.date(2024, 8, 31), -6, dt.date(2024, 2, 29)),
        (dt.date(2026, 11, 30), 3, dt.date(2027, 2, 28)),
        (dt.date(2026, 1, 15), -13, dt.date(2024, 12, 15)),
    ],
)
def test_calendar_months(day, months, expected):
    assert rules.months_after(day, months) == expected


@pytest.mark.parametrize(
    ("case", "confirmed", "issued", "years", "reasons"),
    [
        (
            "PA-LAPSE: confirmed within 6 months shows",
            dt.date(2026, 6, 1),
            dt.date(2025, 1, 1),
            3,
            (),
        ),
        (
            "PA-LAPSE: 6 months and a day lapses",
            dt.date(2026, 5, 31),
            dt.date(2025, 1, 1),
            3,
            ("PA-LAPSE",),
        ),
        ("PA-LAPSE: never confirmed lapses", None, dt.date(2025, 1, 1), 3, ("PA-LAPSE",)),
        (
            "PA-DBS-AGE: 3 years to the day counts",
            dt.date(2026, 11, 1),
            dt.date(2023, 12, 1),
            3,
            (),
        ),
        (
            "PA-DBS-AGE: older than the limit hides",
            dt.date(2026, 11, 1),
            dt.date(2023, 11, 30),
            3,
            ("PA-DBS-AGE",),
        ),
        (
            "PA-DBS-AGE: the council's limit decides",
            dt.date(2026, 11, 1),
            dt.date(2025, 6, 1),
            1,
            ("PA-DBS-AGE",),
        ),
        ("both", None, None, 3, ("PA-LAPSE", "PA-DBS-AGE")),
    ],
)
def test_standing(case, confirmed, issued, years, reasons):
    standing = rules.standing(
        confirmed_on=confirmed, dbs_issued_on=issued, today=TODAY, valid_years=years
    )

    assert standing.reasons == reasons
    assert standing.shows is (not reasons)


@pytest.mark.parametrize(
    ("case", "confirmed", "reminded", "due"),
    [
        ("PA-REMIND: not yet two weeks before", dt.date(2026, 6, 20), None, False),
        ("PA-REMIND: two weeks before", dt.date(2026, 6, 15), None, True),
        (
            "PA-REMIND: already reminded for this confirmation",
            dt.date(2026, 6, 15),
            dt.date(2026, 11, 30),
            False,
        ),
        (
            "PA-REMIND: reminded before the last confirmation",
            dt.date(2026, 6, 15),
            dt.date(2026, 6, 1),
            True,
        ),
    ],
)
def test_reminder_due(case, confirmed, reminded, due):
    assert rules.reminder_due(confirmed_on=confirmed, reminded_on=reminded, today=TODAY) is due


@pytest.mark.parametrize(
    ("case", "issued", "problem"),
    [
        ("PA-DBS-DATE: today is fine", TODAY, None),
        (
            "PA-DBS-DATE: the future is refused",
            TODAY + dt.timedelta(days=1),
            "today or in the past",
        ),
        ("PA-DBS-DATE: too old is refused", dt.date(2023, 11, 30), "less than 3 years old"),
    ],
)
def test_dbs_date_problem(case, issued, problem):
    found = rules.dbs_date_problem(issued, today=TODAY, valid_years=3)

    assert (found is None) if problem is None else (problem in found)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("I love swimming and art.", False),
        ("Five years, 3 children, aged 4 to 11", False),
        ("Email me: ada@example.com", True),
        ("Ring 07700 900 123", True),
        ("Call +44 1632 960123", True),
        ("See www.example.com", True),
        ("See https://example.com", True),
    ],
)
def test_pa_no_contact_details_in_public_text(text, found):
    assert rules.contact_details_in(text) is found
