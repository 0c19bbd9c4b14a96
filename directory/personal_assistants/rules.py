"""The register's rules: when a profile lapses, when a DBS check is too old to show, and what
a public description may not say. Pure functions: no ORM, request or session."""

import datetime as dt
import re
from dataclasses import dataclass

LAPSE_AFTER_MONTHS = 6
REMIND_DAYS_BEFORE_LAPSE = 14


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months later (earlier if negative), or the month's last
    day if it is shorter."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # unreachable: every month has a 28th


def months_before(day: dt.date, months: int) -> dt.date:
    return months_after(day, -months)


def years_before(day: dt.date, years: int) -> dt.date:
    return months_after(day, -12 * years)


def lapses_on(confirmed_on: dt.date) -> dt.date:
    """The day a profile confirmed on `confirmed_on` lapses, unless confirmed again."""
    return months_after(confirmed_on, LAPSE_AFTER_MONTHS)


@dataclass(frozen=True)
class Standing:
    """Whether an approved profile shows, and why not."""

    shows: bool
    reasons: tuple[str, ...] = ()


def confirmed_since(today: dt.date) -> dt.date:
    """PA-LAPSE: A profile lapses 6 months after the personal assistant last confirmed they are
    still available (or the council approved it). This is the earliest confirmation that keeps
    a profile on the register today."""
    return months_before(today, LAPSE_AFTER_MONTHS)


def dbs_issued_since(today: dt.date, valid_years: int) -> dt.date:
    """PA-DBS-AGE: An enhanced DBS certificate older than the council's limit stops a profile
    showing until the council records a newer one. This is the earliest issue date that counts
    today."""
    return years_before(today, valid_years)


def standing(
    *, confirmed_on: dt.date | None, dbs_issued_on: dt.date | None, today: dt.date, valid_years: int
) -> Standing:
    """Whether an approved profile shows today, with the rules that keep it off."""
    reasons = []
    if confirmed_on is None or confirmed_on < confirmed_since(today):
        reasons.append("PA-LAPSE")
    if dbs_issued_on is None or dbs_issued_on < dbs_issued_since(today, valid_years):
        reasons.append("PA-DBS-AGE")
    return Standing(not reasons, tuple(reasons))


def reminders_from(today: dt.date) -> dt.date:
    """PA-REMIND: A personal assistant is emailed a link to confirm they are still available
    two weeks before their profile would lapse, once for each confirmation. This is the latest
    confirmation that is due a reminder today."""
    return confirmed_since(today + dt.timedelta(days=REMIND_DAYS_BEFORE_LAPSE))


def reminder_due(*, confirmed_on: dt.date, reminded_on: dt.date | None, today: dt.date) -> bool:
    """PA-REMIND for one PA (see reminders_from)."""
    due = confirmed_on <= reminders_from(today)
    return due and (reminded_on is None or reminded_on < confirmed_on)


def dbs_date_problem(issued_on: dt.date, *, today: dt.date, valid_years: int) -> str | None:
    """PA-DBS-DATE: A DBS certificate's date cannot be in the future, nor older than the
    council's limit. Returns the GOV.UK error message, or None if the date is acceptable."""
    if issued_on > today:
        return "The date on your DBS certificate must be today or in the past"
    if issued_on < dbs_issued_since(today, valid_years):
        return (
            f"Your DBS certificate must be less than {valid_years} year"
            f"{'' if valid_years == 1 else 's'} old. Apply for a new one, then come back"
        )
    return None


_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
_PHONE = re.compile(r"(?:\+?\d[\s\-()]*){9,}")
_WEB = re.compile(r"(?:https?://|www\.)", re.IGNORECASE)


def contact_details_in(text: str) -> bool:
    """PA-NO-CONTACT: A public description never carries an email address, phone number or web
    address: families reach a personal assistant through the site's form."""
    return bool(_EMAIL.search(text) or _PHONE.search(text) or _WEB.search(text))
