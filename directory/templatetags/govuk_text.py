"""Free text, telephone numbers and email addresses as the site's GOV.UK pages show them."""

import re

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()

# A telephone number as people write it: digits, spaces, brackets, dots and dashes, perhaps
# after a '+'. Words around it ('Call', 'extension 2') are not part of it.
_NUMBER = re.compile(r"\+?[\d(][\d\s().-]*\d")
_UK_NATIONAL_LENGTHS = (10, 11)  # 01305 123456, 0800 123 4567, 07700 900123


def tel_href(number: str) -> str:
    """The `tel:` address of a telephone number, in international form where it is a UK
    national number: '01305 123456' is 'tel:+441305123456', '+44 (0)1305 123456' too, and
    '999' is 'tel:999'. '' when there are too few digits to call."""
    number = number.strip()
    international = number.startswith("+")
    if international:
        number = number.replace("(0)", "")
    digits = re.sub(r"\D", "", number)
    if len(digits) < 3:
        return ""
    if international:
        return f"tel:+{digits}"
    if digits.startswith("00"):
        return f"tel:+{digits[2:]}"
    if digits.startswith("0") and len(digits) in _UK_NATIONAL_LENGTHS:
        return f"tel:+44{digits[1:]}"
    return f"tel:{digits}"


@register.filter
def phone_link(value):
    """The telephone number in the text as a link that calls it; the rest stays text."""
    text = str(value or "")
    match = _NUMBER.search(text)
    href = tel_href(match.group()) if match else ""
    if not href:
        return text
    return format_html(
        '{}<a class="govuk-link" href="{}">{}</a>{}',
        text[: match.start()],
        href,
        match.group(),
        text[match.end() :],
    )


@register.filter
def email_link(value):
    """An email address as a link that writes to it."""
    if not value:
        return ""
    return format_html('<a class="govuk-link" href="mailto:{}">{}</a>', value, value)


def _paragraph(text: str):
    *lines, last = (line.strip() for line in text.split("\n"))
    breaks = format_html_join("", "{}<br>", ((line,) for line in lines))
    return format_html('<p class="govuk-body">{}{}</p>', breaks, last)


@register.filter
def govuk_paragraphs(value):
    """Free text as GOV.UK body paragraphs: a blank line starts a paragraph, a single line
    break stays one. (Django's `linebreaks` gives bare <p>s, in the browser's serif font.)"""
    text = re.sub(r"\r\n?", "\n", str(value or ""))
    parts = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    return format_html_join("\n", "{}", ((_paragraph(part),) for part in parts))
