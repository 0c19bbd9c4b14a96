"""Free text, telephone numbers and email addresses as the site's pages show them."""

import pytest

from directory.templatetags.govuk_text import email_link, govuk_paragraphs, phone_link, tel_href


@pytest.mark.parametrize(
    ("number", "href"),
    [
        ("01305 123456", "tel:+441305123456"),
        ("01632 960 100", "tel:+441632960100"),
        ("0800 123 4567", "tel:+448001234567"),
        ("07700 900123", "tel:+447700900123"),
        ("(01305) 123-456", "tel:+441305123456"),
        ("+44 (0)1305 123456", "tel:+441305123456"),
        ("+44 1305 123456", "tel:+441305123456"),
        ("0044 1305 123456", "tel:+441305123456"),
        ("+353 1 234 5678", "tel:+35312345678"),
        ("999", "tel:999"),
        ("116 123", "tel:116123"),
        ("12", ""),
        ("", ""),
    ],
    ids=lambda value: value or "empty",
)
def test_a_number_is_called_in_international_form_when_it_is_a_uk_national_number(number, href):
    assert tel_href(number) == href


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("01632 960 100", '<a class="govuk-link" href="tel:+441632960100">01632 960 100</a>'),
        (
            "01632 960 100 (option 2)",
            '<a class="govuk-link" href="tel:+441632960100">01632 960 100</a> (option 2)',
        ),
        (
            "Call 01632 960 100",
            'Call <a class="govuk-link" href="tel:+441632960100">01632 960 100</a>',
        ),
        ("Ask at reception", "Ask at reception"),
        ("", ""),
    ],
)
def test_only_the_number_in_a_phone_field_is_the_link(text, html):
    assert phone_link(text) == html


def test_the_words_around_a_number_are_escaped():
    assert phone_link('<b>01632 960 100</b> "x"') == (
        '&lt;b&gt;<a class="govuk-link" href="tel:+441632960100">01632 960 100</a>'
        "&lt;/b&gt; &quot;x&quot;"
    )


def test_an_email_address_is_a_mailto_link():
    assert email_link("team@council.example") == (
        '<a class="govuk-link" href="mailto:team@council.example">team@council.example</a>'
    )
    assert email_link("") == ""


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("One line.", '<p class="govuk-body">One line.</p>'),
        ("One.\n\nTwo.", '<p class="govuk-body">One.</p>\n<p class="govuk-body">Two.</p>'),
        ("Line one\r\nline two", '<p class="govuk-body">Line one<br>line two</p>'),
        ("  \n\n  ", ""),
        ("Fish & <chips>", '<p class="govuk-body">Fish &amp; &lt;chips&gt;</p>'),
    ],
    ids=["a paragraph", "two paragraphs", "a line break", "blank", "escaped"],
)
def test_free_text_is_govuk_body_paragraphs_never_bare_ones(text, html):
    assert govuk_paragraphs(text) == html
