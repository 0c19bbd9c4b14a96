"""When a service runs, in the terms families search by: pure rules over its sessions."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import time

from django.db import models


class Weekday(models.IntegerChoices):
    """The days of the week, numbered from Monday = 0 as Python's `date.weekday()` does. Every
    other name for a day (a filter's code, a column, Open Referral's BYDAY code) comes from
    these."""

    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"

    @property
    def code(self) -> str:
        """'monday': the day in web addresses and in the Service column `on_monday`."""
        return self.name.lower()


WEEKEND = frozenset({Weekday.SATURDAY, Weekday.SUNDAY})
MONDAY_TO_FRIDAY = frozenset(Weekday) - WEEKEND
AFTER_SCHOOL_FROM, AFTER_SCHOOL_UNTIL = time(15, 0), time(18, 0)
EVENING_STARTS, EVENING_ENDS = time(17, 30), time(19, 0)


class TimeOfWeek(models.TextChoices):
    AFTER_SCHOOL = "after_school", "After school"
    EVENINGS = "evenings", "Evenings"
    WEEKENDS = "weekends", "Weekends"
    SCHOOL_HOLIDAYS = "school_holidays", "School holidays"
    OVERNIGHT = "overnight", "Overnight"


@dataclass(frozen=True)
class SessionTime:
    weekday: int
    start: time
    end: time
    period: str  # Session.Period: term_time, school_holidays or all_year

    @property
    def crosses_midnight(self):
        return self.end < self.start


@dataclass(frozen=True)
class Timings:
    days: frozenset[int]
    times: frozenset[str]


def is_after_school(session: SessionTime) -> bool:
    """Starts between 3pm and 6pm on a school day, in term time."""
    return (
        session.weekday in MONDAY_TO_FRIDAY
        and AFTER_SCHOOL_FROM <= session.start < AFTER_SCHOOL_UNTIL
        and session.period != "school_holidays"
    )


def is_evening(session: SessionTime) -> bool:
    """Starts at 5:30pm or later, ends after 7pm, or runs overnight."""
    return session.start >= EVENING_STARTS or session.end > EVENING_ENDS or session.crosses_midnight


def is_in_school_holidays(session: SessionTime) -> bool:
    """Runs in the school holidays, alone or all year round."""
    return session.period != "term_time"


def timings_of(sessions: Iterable[SessionTime], *, overnight_kind: bool) -> Timings:
    """The days and times of week a service covers, from its sessions and kinds of break.

    A service is overnight if one of its kinds of break is, or a session crosses midnight.
    """
    sessions = list(sessions)
    times = set()
    if any(is_after_school(s) for s in sessions):
        times.add(TimeOfWeek.AFTER_SCHOOL)
    if any(is_evening(s) for s in sessions):
        times.add(TimeOfWeek.EVENINGS)
    if any(s.weekday in WEEKEND for s in sessions):
        times.add(TimeOfWeek.WEEKENDS)
    if any(is_in_school_holidays(s) for s in sessions):
        times.add(TimeOfWeek.SCHOOL_HOLIDAYS)
    if overnight_kind or any(s.crosses_midnight for s in sessions):
        times.add(TimeOfWeek.OVERNIGHT)
    return Timings(days=frozenset(s.weekday for s in sessions), times=frozenset(times))


DAY_COLUMNS = tuple(f"on_{day.code}" for day in Weekday)
TIME_COLUMNS = {time: f"runs_{time}" for time in TimeOfWeek.values}


def timing_columns(timings: Timings) -> dict[str, bool]:
    """The Service columns that store timings: on_<weekday> and runs_<time of week>."""
    columns = {column: day in timings.days for day, column in enumerate(DAY_COLUMNS)}
    columns |= {column: time in timings.times for time, column in TIME_COLUMNS.items()}
    return columns
