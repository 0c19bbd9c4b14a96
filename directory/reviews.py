"""The review cycle's rules: when a listing is due to be checked again. Pure functions."""

import calendar
import datetime as dt
from dataclasses import dataclass

DUE_SOON_DAYS = 30
REMIND_AGAIN_AFTER_DAYS = 14


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier, or the month's last day if it has no such day
    (31 August less 6 months is 28 or 29 February)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


@dataclass(frozen=True)
class Cycle:
    """The council's review cycle as it stands on a day."""

    today: dt.date
    months: int

    @property
    def overdue_before(self) -> dt.date:
        """Listings last checked before this day (or never) are overdue."""
        return months_before(self.today, self.months)

    @property
    def due_soon_before(self) -> dt.date:
        """Listings last checked before this day, and not overdue, fall due within 30 days."""
        return self.overdue_before + dt.timedelta(days=DUE_SOON_DAYS)


def is_overdue(last_checked: dt.date | None, today: dt.date, months: int) -> bool:
    return last_checked is None or last_checked < Cycle(today, months).overdue_before


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day if it has no such day."""
    return months_before(day, -months)


def review_due_on(last_checked: dt.date | None, months: int) -> dt.date | None:
    """The first day a listing is overdue: `months` after it was last checked, the day after
    the same date (None if it was never checked, so is due now)."""
    if last_checked is None:
        return None
    return months_after(last_checked, months) + dt.timedelta(days=1)
