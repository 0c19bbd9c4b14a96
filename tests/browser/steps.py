"""Given/when/then steps and the accessibility assertion for the browser tests."""

from contextlib import contextmanager

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
_axe = Axe()


@contextmanager
def _step(keyword, description):
    try:
        yield
    except Exception as error:
        raise AssertionError(f"{keyword} {description}: {error}") from error


def given(description):
    """A step that sets the scene; a failure names the step."""
    return _step("Given", description)


def when(description):
    """A step the user takes."""
    return _step("When", description)


def then(description):
    """A step that checks what the user sees."""
    return _step("Then", description)


# axe's `region` rule is "best practice", not WCAG, so a run by tag leaves it out; it is
# enabled by name, so that every page keeps all its content inside landmarks, which screen
# reader users move between.
EXTRA_RULES = {"region": {"enabled": True}}


def assert_accessible(page):
    """axe finds no WCAG 2.0, 2.1 or 2.2 level A or AA violations on the page as it stands,
    and no content outside a landmark."""
    results = _axe.run(
        page,
        options={
            "runOnly": {"type": "tag", "values": WCAG_TAGS},
            "rules": EXTRA_RULES,
            "resultTypes": ["violations"],
        },
    )
    assert results.violations_count == 0, results.generate_report()


def tab_to(page, locator, *, limit=250):
    """Press Tab until the element has focus, as a keyboard user would; fail if it never does."""
    target = locator.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(element) => document.activeElement === element", target):
            return
    raise AssertionError(f"Could not reach {locator} with the Tab key")


def print_with_the_keyboard(page, button_name):
    """Press the page's print button from the keyboard, the browser's print dialog stubbed out,
    then lay the page out as the printer would."""
    page.evaluate("window.print = () => { window.printed = true; }")
    tab_to(page, page.get_by_role("button", name=button_name))
    page.keyboard.press("Enter")
    assert page.evaluate("window.printed") is True
    page.emulate_media(media="print")
