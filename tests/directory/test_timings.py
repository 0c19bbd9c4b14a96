"""Which times of week a service covers, from its sessions: each rule at its boundaries."""

from datetime import time

import pytest

from directory.timings import SessionTime, TimeOfWeek, timing_columns, timings_of

MONDAY, FRIDAY, SATURDAY, SUNDAY = 0, 4, 5, 6


def times(*sessions, overnight_kind=False):
    return timings_of(
        [
            SessionTime(d, time.fromisoformat(s), time.fromisoformat(e), p)
            for d, s, e, p in sessions
        ],
        overnight_kind=overnight_kind,
    ).times


@pytest.mark.parametrize(
    ("session", "expected"),
    [
        ((MONDAY, "15:00", "17:00", "term_time"), True),
        ((FRIDAY, "17:59", "19:00", "all_year"), True),
        ((MONDAY, "14:59", "17:00", "term_time"), False),
        ((MONDAY, "18:00", "20:00", "term_time"), False),
        ((SATURDAY, "15:30", "17:30", "term_time"), False),
        ((MONDAY, "15:30", "17:30", "school_holidays"), False),
    ],
)
def test_after_school_means_starting_3pm_to_6pm_on_a_school_day_in_term(session, expected):
    assert (TimeOfWeek.AFTER_SCHOOL in times(session)) is expected


@pytest.mark.parametrize(
    ("session", "expected"),
    [
        ((MONDAY, "17:30", "19:00", "all_year"), True),
        ((MONDAY, "16:00", "19:01", "all_year"), True),
        ((MONDAY, "16:00", "19:00", "all_year"), False),
        ((FRIDAY, "22:00", "07:00", "all_year"), True),
    ],
)
def test_evenings_start_at_half_past_five_or_run_past_seven(session, expected):
    assert (TimeOfWeek.EVENINGS in times(session)) is expected


def test_weekends_are_saturday_and_sunday():
    assert TimeOfWeek.WEEKENDS in times((SUNDAY, "10:00", "12:00", "all_year"))
    assert TimeOfWeek.WEEKENDS not in times((FRIDAY, "10:00", "12:00", "all_year"))


@pytest.mark.parametrize(
    ("period", "expected"), [("school_holidays", True), ("all_year", True), ("term_time", False)]
)
def test_school_holidays_are_holiday_only_or_all_year_sessions(period, expected):
    assert (TimeOfWeek.SCHOOL_HOLIDAYS in times((MONDAY, "10:00", "12:00", period))) is expected


def test_overnight_is_a_session_past_midnight_or_an_overnight_kind_of_break():
    assert TimeOfWeek.OVERNIGHT in times((FRIDAY, "17:00", "10:00", "all_year"))
    assert TimeOfWeek.OVERNIGHT in times(overnight_kind=True)
    assert TimeOfWeek.OVERNIGHT not in times((FRIDAY, "09:00", "17:00", "all_year"))


def test_a_service_without_sessions_covers_no_day_or_time():
    timings = timings_of([], overnight_kind=False)

    assert timings.days == frozenset()
    assert timings.times == frozenset()


def test_timing_columns_name_every_day_and_time():
    timings = timings_of(
        [SessionTime(SATURDAY, time(10), time(14), "all_year")], overnight_kind=False
    )

    columns = timing_columns(timings)

    assert columns["on_saturday"] is True
    assert columns["on_monday"] is False
    assert columns["runs_weekends"] is True
    assert columns["runs_after_school"] is False
    assert len(columns) == 12
