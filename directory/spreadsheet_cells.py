"""What a cell of a spreadsheet the site writes may hold, whichever writer writes it: the public
directory download, the commissioners' report tables and the back office's CSV and XLSX exports.

A text cell that starts with =, +, -, @, a tab or a carriage return is a formula to Excel,
LibreOffice and Google Sheets, and a formula can fetch from the web or run a program when a
council officer or a family opens the file (OWASP "CSV injection"). Providers and the public can
put text into listings, so every writer neutralises such cells: it writes them with a leading
apostrophe, as OWASP recommends, which spreadsheets show as text."""

import datetime as dt
import numbers

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"


def safe_cell(value):
    """The value as a spreadsheet should hold it: text that a spreadsheet would run as a formula
    gains a leading apostrophe; other text is as it was.

    Only text is neutralised. Numbers (negative ones too), dates and booleans stay what they are,
    so that an XLSX cell stays a number and a CSV column still adds up; an empty cell stays
    empty. Anything else is written as its text, so it is checked as text. Text is neutralised
    even when it means no harm: a telephone number written "+44 1632 960000" comes out as
    "'+44 1632 960000", apostrophe showing. That is OWASP's advice, and the price of never
    guessing which text is harmless (Excel would otherwise read that number as a formula and
    show an error). Text already starting with the apostrophe is left alone, so that
    neutralising twice is the same as once."""
    if value is None or isinstance(value, numbers.Number | dt.date | dt.time | dt.timedelta):
        return value
    text = str(value)
    return TEXT_MARK + text if text.startswith(FORMULA_STARTS) else text


def original_cell(value):
    """A cell read back from a file as it was before safe_cell marked it, so that a file the
    back office exported imports again unchanged.

    Only the apostrophe safe_cell adds is taken off: one, before a character that starts a
    formula. The one text that does not survive the trip is text that itself started with
    an apostrophe and such a character ("'=1"): it is read back without its apostrophe."""
    if (
        isinstance(value, str)
        and value.startswith(TEXT_MARK)
        and value[1:].startswith(FORMULA_STARTS)
    ):
        return value[1:]
    return value
