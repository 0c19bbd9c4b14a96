"""The filter panel's markup: GOV.UK Frontend's classes, and every text escaped."""

from html.parser import HTMLParser

import pytest
from django import forms

from directory.forms import FilterField, FilterGroup
from tests.factories import AgeBandFactory

HOSTILE = "<script>alert(\"x\")</script> & 'quoted'"
SEARCH = "/directory/"


class Elements(HTMLParser):
    """Each element's tag and attributes, and each label's text, as a browser would read them."""

    def __init__(self, html):
        super().__init__()
        self.elements, self.labels, self._label = [], [], None
        self.feed(str(html))

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag == "label":
            self._label = ""

    def handle_data(self, data):
        if self._label is not None:
            self._label += data

    def handle_endtag(self, tag):
        if tag == "label":
            self.labels.append(self._label)
            self._label = None

    def with_class(self, name):
        return [attrs for _, attrs in self.elements if name in attrs.get("class", "").split()]

    @property
    def tags(self):
        return [tag for tag, _ in self.elements]


class AgeForm(forms.Form):
    age_band = forms.ChoiceField(
        label=HOSTILE, choices=[("0-4", "0 to 4"), ("5-11", HOSTILE)], required=False
    )
    age = forms.CharField(label=HOSTILE, help_text=HOSTILE, required=False)


def test_age_group_radios_have_govuk_frontends_classes():
    form = AgeForm({"age_band": "5-11"})
    form.is_valid()

    html = Elements(FilterGroup("Age group", "age_band", input_type="radio").render(form, {}))

    assert [attrs["data-module"] for attrs in html.with_class("govuk-radios")] == ["govuk-radios"]
    assert html.with_class("govuk-radios--small")
    assert len(html.with_class("govuk-radios__item")) == 2
    inputs = html.with_class("govuk-radios__input")
    assert [(i["type"], i["id"], i["value"]) for i in inputs] == [
        ("radio", "id_age_band", "0-4"),
        ("radio", "id_age_band_2", "5-11"),
    ]
    assert ["checked" in i for i in inputs] == [False, True]
    labels = html.with_class("govuk-radios__label")
    assert [label["for"] for label in labels] == ["id_age_band", "id_age_band_2"]
    assert all("govuk-label" in label["class"].split() for label in labels)


def test_a_hostile_label_or_option_is_text_not_markup():
    form = AgeForm({"age": HOSTILE})
    form.is_valid()
    group = FilterGroup(HOSTILE, "age_band", input_type="radio")
    rendered = group.render(form, {}) + FilterField("age").render(form, {})

    html = Elements(rendered)

    assert "script" not in html.tags
    assert "<script>" not in rendered
    assert html.labels == ["0 to 4", HOSTILE, HOSTILE]
    assert [i["value"] for i in html.with_class("govuk-input")] == [HOSTILE]


@pytest.mark.django_db
def test_the_search_page_draws_the_age_groups_as_govuk_radios_and_escapes_them(
    client, world, council
):
    AgeBandFactory(code="teens", name=HOSTILE, min_age=13, max_age=19)

    response = client.get(SEARCH, {"age_band": "teens", "q": HOSTILE})

    html = Elements(response.content.decode())
    radios = html.with_class("govuk-radios__input")
    assert len(radios) == 6  # the world's five age groups and this one
    assert [r["value"] for r in radios if "checked" in r] == ["teens"]
    assert f"{HOSTILE} (0)" in html.labels  # with the count of results in that group
    assert [i["value"] for i in html.with_class("govuk-input") if i["name"] == "q"] == [HOSTILE]
    assert "<script>" not in response.content.decode()
