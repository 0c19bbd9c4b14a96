"""Commissioners' Markdown becomes GOV.UK-styled HTML, and nothing they type becomes markup."""

from html.parser import HTMLParser

import pytest

from portal.safe_markdown import TAGS, render_markdown


class Elements(HTMLParser):
    """Every element of a piece of HTML, with its attributes."""

    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))


def test_paragraphs_lists_links_and_headings_get_govuk_styles():
    html = render_markdown(
        "# Our offer\n\nSome **bold** text.\n\n- one\n- two\n\n1. first\n\n"
        "[Forum report](https://example.org/report)\n\n### Detail"
    )

    assert '<h3 class="govuk-heading-s">Our offer</h3>' in html
    assert '<p class="govuk-body">Some <strong>bold</strong> text.</p>' in html
    assert '<ul class="govuk-list govuk-list--bullet">' in html
    assert '<ol class="govuk-list govuk-list--number">' in html
    assert 'href="https://example.org/report"' in html
    assert 'class="govuk-link"' in html
    assert '<h4 class="govuk-heading-s">Detail</h4>' in html


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "Hello <script>alert(1)</script> there",
        '<img src="x" onerror="alert(1)">',
        '<a href="https://example.org" onclick="alert(1)">link</a>',
        "<iframe src=https://example.org></iframe>",
        "[click](javascript:alert(1))",
        "[click](JAVASCRIPT:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<javascript:alert(1)>",
        '[click](https://example.org" onmouseover="alert(1))',
        "![x](https://example.org/x.png)",
        "<style>body{display:none}</style>",
        "<div style='position:fixed'>cover</div>",
    ],
    ids=lambda text: text[:30],
)
def test_nothing_typed_becomes_markup_or_a_script(text):
    parser = Elements()
    parser.feed(str(render_markdown(text)))

    assert {tag for tag, _ in parser.elements} <= TAGS
    for tag, attributes in parser.elements:
        assert {name for name, _ in attributes} <= {"class", "href", "rel"}, tag
        for name, value in attributes:
            if name == "href":
                assert value.split(":")[0].lower() in ("http", "https", "mailto", "tel")


def test_typed_html_is_shown_as_text():
    html = render_markdown("Use <b>bold</b> carefully")

    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<b>" not in html


def test_empty_text_is_empty():
    assert render_markdown("") == ""
