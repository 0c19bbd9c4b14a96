"""The review cycle's rules: when a listing is due to be checked again. Pure functions."""

import calendar
import datetime as dt

DUE_SOON_DAYS = 30
REMIND_AGAIN_AFTER_DAYS = 14


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier, or the month's last day if it has no such day
    (31 August less 6 months is 28 or 29 February)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def overdue_before(today: dt.date, months: int) -> dt.date:
    """Listings last checked before this day are overdue."""
    return months_before(today, months)


def due_soon_before(today: dt.date, months: int) -> dt.date:
    """Listings last checked before this day (and not overdue) fall due within 30 days."""
    return overdue_before(today, months) + dt.timedelta(days=DUE_SOON_DAYS)


def is_overdue(last_checked: dt.date | None, today: dt.date, months: int) -> bool:
    return last_checked is None or last_checked < overdue_before(today, months)
