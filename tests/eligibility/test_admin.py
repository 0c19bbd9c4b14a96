"""Rulesets in the back office: plain fields, publishing with its checks, history."""

import datetime as dt

from django.urls import reverse

from eligibility.models import Ruleset
from eligibility.services import ruleset_new_version


def test_a_ruleset_is_edited_with_checkboxes_not_raw_json(admin_client, default_ruleset):
    draft = ruleset_new_version(ruleset=default_ruleset, valid_from=dt.date(2027, 4, 1))

    html = admin_client.get(
        reverse("admin:eligibility_ruleset_change", args=[draft.pk])
    ).content.decode()

    assert 'type="checkbox" name="specialist_triggers" value="two_to_one"' in html
    assert 'name="also_require" value="ehcp"' in html
    assert "<textarea" not in html.split('id="passports-group"')[0]
    assert "21 passed, 0 failed" in html


def test_a_published_ruleset_cannot_be_changed(admin_client, default_ruleset):
    url = reverse("admin:eligibility_ruleset_change", args=[default_ruleset.pk])

    html = admin_client.get(url).content.decode()

    assert 'name="age_limit"' not in html
    assert "Make a new version" in html
    assert "Retire" in html


def test_publishing_from_the_admin_is_refused_while_a_case_fails(admin_client, default_ruleset):
    draft = ruleset_new_version(ruleset=default_ruleset, valid_from=dt.date(2027, 4, 1))
    draft.age_limit = 16
    draft.save()
    publish = reverse("admin:eligibility_ruleset_publish", args=[draft.pk])

    confirm = admin_client.get(publish).content.decode()
    response = admin_client.post(publish, follow=True)

    assert "FAIL PIP daily living standard rate at 16" in confirm
    html = response.content.decode()
    assert "The ruleset was not published." in html
    assert "FAIL PIP daily living standard rate at 16" in html
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_publishing_from_the_admin_records_who_published(admin_client, admin_user, default_ruleset):
    draft = ruleset_new_version(ruleset=default_ruleset, valid_from=dt.date(2027, 4, 1))

    admin_client.post(reverse("admin:eligibility_ruleset_publish", args=[draft.pk]))

    draft.refresh_from_db()
    assert draft.status == "published"
    assert draft.published_by == admin_user
    assert draft.history.first().history_user == admin_user


def test_a_new_version_opens_as_a_draft(admin_client, default_ruleset):
    response = admin_client.post(
        reverse("admin:eligibility_ruleset_new_version", args=[default_ruleset.pk])
    )

    draft = Ruleset.objects.get(status="draft")
    assert response["Location"] == reverse("admin:eligibility_ruleset_change", args=[draft.pk])


def test_cases_of_a_published_ruleset_are_read_only(admin_client, default_ruleset):
    case = default_ruleset.cases.first()
    url = reverse("admin:eligibility_rulesetcase_change", args=[case.pk])

    assert 'name="name"' not in admin_client.get(url).content.decode()


def test_cases_of_a_draft_can_be_edited(admin_client, default_ruleset):
    draft = ruleset_new_version(ruleset=default_ruleset, valid_from=dt.date(2027, 4, 1))
    case = draft.cases.first()
    url = reverse("admin:eligibility_rulesetcase_change", args=[case.pk])

    html = admin_client.get(url).content.decode()

    assert 'name="name"' in html
    assert 'type="checkbox" name="evidence" value="diagnosis"' in html


def history_page(client, model, record):
    return client.get(reverse(f"admin:eligibility_{model}_history", args=[record.pk]))


def test_history_pages_open(admin_client, admin_user, default_ruleset):
    draft = ruleset_new_version(ruleset=default_ruleset, valid_from=dt.date(2027, 4, 1))
    admin_client.post(reverse("admin:eligibility_ruleset_publish", args=[draft.pk]))
    case = draft.cases.first()

    rulesets = history_page(admin_client, "ruleset", draft)
    cases = history_page(admin_client, "rulesetcase", case)

    for page, record in ((rulesets, draft), (cases, case)):
        assert page.context["object"] == record
        listed = [version.history_id for version in page.context["page_obj"]]
        assert listed == list(record.history.values_list("history_id", flat=True))
        assert listed
    assert rulesets.context["page_obj"][0].history_user == admin_user
    assert admin_user.username in rulesets.content.decode()


def test_check_records_are_read_only(admin_client, default_ruleset):
    assert admin_client.get(reverse("admin:eligibility_checkrecord_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:eligibility_checkrecord_add")).status_code == 403
