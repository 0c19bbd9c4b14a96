"""Markdown written by commissioners, as GOV.UK-styled HTML that cannot carry HTML of its own.

markdown-it-py renders with raw HTML off (any tag a person types is shown as text) and refuses
javascript: and data: links; nh3 then keeps only the tags and attributes listed here, so nothing
else survives even if the renderer let it through. A section's heading is an h2 on the page, so
headings in the text start at h3."""

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

CLASSES = {
    "p": "govuk-body",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
    "a": "govuk-link",
    "h3": "govuk-heading-s",
    "h4": "govuk-heading-s",
    "blockquote": "govuk-inset-text",
    "hr": "govuk-section-break govuk-section-break--m govuk-section-break--visible",
    "code": "app-code",
}
TAGS = {"p", "ul", "ol", "li", "a", "h3", "h4", "strong", "em", "blockquote", "hr", "br", "code"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _govuk_styles(state) -> None:
    """A core rule: headings two levels down, and each tag's GOV.UK class."""
    for token in state.tokens:
        for each in [token, *(token.children or [])]:
            if each.type in ("heading_open", "heading_close"):
                each.tag = "h3" if each.tag in ("h1", "h2") else "h4"
            if each.nesting >= 0 and each.tag in CLASSES:
                each.attrSet("class", CLASSES[each.tag])


_renderer = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_renderer.disable("image")  # an image needs alt text a person checks: not from free text
_renderer.core.ruler.push("govuk_styles", _govuk_styles)


def render_markdown(text: str) -> SafeString:
    """The text's HTML, with nothing in it but the listed tags, classes and safe links."""
    html = _renderer.render(text or "")
    cleaned = nh3.clean(
        html,
        tags=TAGS,
        attributes={"a": {"href", "class"}, **{tag: {"class"} for tag in CLASSES if tag != "a"}},
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return mark_safe(cleaned)  # noqa: S308 - cleaned by nh3 to the allowlist above
