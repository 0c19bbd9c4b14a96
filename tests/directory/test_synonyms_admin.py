"""Words that mean the same, which the council edits in the back office: the list every council
starts with, editing it through the admin's forms, the errors an officer sees, who may edit
it, its history, and that a search reads it (respite finds short breaks)."""

import importlib

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from directory.keyword_index import KeywordIndex
from directory.keywords import Synonyms, parse
from directory.models import SynonymGroup
from directory.roles import COMMISSIONER, DIRECTORY_EDITOR, PROVIDER
from portal.nonprod.demo.catalogue import CATALOGUE
from portal.nonprod.factories import SynonymGroupFactory
from tests import migration_data
from tests.factories import UserFactory

SEEDED = importlib.import_module("directory.migrations.0016_synonyms").SEEDED

pytestmark = pytest.mark.django_db


def signed_in(client, role):
    user = UserFactory(roles=[role])
    client.force_login(user)
    return user


def add_url():
    return reverse("admin:directory_synonymgroup_add")


def change_url(group):
    return reverse("admin:directory_synonymgroup_change", args=[group.pk])


def errors(response) -> list[str]:
    assert response.status_code == 200
    return response.context["adminform"].form.errors.get("words", [])


def seeded(containing: str) -> SynonymGroup:
    return SynonymGroup.objects.get(words__startswith=containing)


# --------------------------------------------------------------------------- the seeded list


def test_every_council_starts_with_the_list_for_short_breaks_and_send():
    assert set(SynonymGroup.objects.values_list("words", flat=True)) == set(SEEDED)
    assert seeded("respite").words == "respite, respite care, short break, short breaks"


def test_every_seeded_group_is_one_an_officer_could_save():
    for group in SynonymGroup.objects.all():
        group.full_clean()


@pytest.mark.parametrize(
    ("typed", "also_finds"),
    [
        pytest.param("respite", ("short", "break"), id="respite_is_a_short_break"),
        pytest.param("short breaks", ("respit",), id="and_back"),
        pytest.param("autistic", ("autism",), id="autistic_is_autism"),
        pytest.param("ADHD", ("attent", "deficit"), id="adhd"),
        pytest.param("babysitting", ("sitter",), id="babysitting_is_a_sitter"),
        pytest.param("sleepover", ("overnight",), id="sleepover_is_overnight"),
        pytest.param("playscheme", ("holiday", "club"), id="playscheme_is_a_holiday_club"),
        pytest.param("special needs", ("send",), id="send"),
    ],
)
def test_the_seeded_list_joins_the_words_families_use(typed, also_finds):
    synonyms = Synonyms.of(SynonymGroup.objects.values_list("words", flat=True))

    (concept,) = parse(typed, synonyms).concepts

    assert also_finds in concept.phrases


def test_the_seeded_list_keeps_loose_associations_apart():
    synonyms = Synonyms.of(SynonymGroup.objects.values_list("words", flat=True))

    # "Pool" is a game at a youth club too; "sitting" is also sitting volleyball.
    assert parse("swimming", synonyms).concepts[0].phrases == (("swim",),)
    assert parse("sitting", synonyms).concepts[0].phrases == (("sit",),)


def test_the_words_in_the_issue_find_the_demo_directory_with_the_seeded_list():
    synonyms = Synonyms.of(SynonymGroup.objects.values_list("words", flat=True))
    index = KeywordIndex()
    variants = [variant for variants in CATALOGUE.values() for variant in variants]
    texts = [
        (
            variant["name"].format(town="Dorchester", provider="Wessex Care"),
            variant["summary"].format(town="Dorchester", provider="Wessex Care"),
            variant["description"].format(town="Dorchester", provider="Wessex Care"),
        )
        for variant in variants
    ]
    texts.append(("Focus Club", "For children with attention deficit.", "Games."))
    for position, (name, summary, description) in enumerate(texts):
        index.add(position, name=name, summary=summary, document=description)
    live = (1 << len(texts)) - 1

    for typed in ("respite", "autistic", "ADHD", "babysitting", "sleepover", "swiming"):
        match = index.match(parse(typed, synonyms), live, len(texts))
        assert match.members, typed


def test_the_seeded_list_comes_back_after_a_test_empties_the_tables(transactional_db):
    call_command("flush", "--no-input", verbosity=0)
    assert not SynonymGroup.objects.exists()

    migration_data.restore()
    migration_data.restore()

    assert SynonymGroup.objects.count() == len(SEEDED)


# ------------------------------------------------------------------------------- editing


@pytest.mark.parametrize("role", [DIRECTORY_EDITOR, COMMISSIONER])
def test_an_officer_adds_a_group_in_the_admin(client, role):
    signed_in(client, role)

    response = client.post(add_url(), {"words": " trampolining ,rebound therapy,, "})

    assert response.status_code == 302, errors(response)
    group = SynonymGroup.objects.get(words__startswith="trampolining")
    assert group.words == "trampolining, rebound therapy"


def test_an_officer_edits_a_seeded_group_and_it_keeps_a_version(client):
    editor = signed_in(client, DIRECTORY_EDITOR)
    group = seeded("respite")
    versions = group.history.count()

    response = client.post(
        change_url(group), {"words": "respite, respite care, short break, time off"}
    )

    assert response.status_code == 302, errors(response)
    group.refresh_from_db()
    assert group.words == "respite, respite care, short break, time off"
    assert group.history.count() == versions + 1
    newest = group.history.latest()
    assert (newest.history_user, newest.words) == (editor, group.words)


def test_the_history_page_shows_who_changed_the_words(client):
    signed_in(client, COMMISSIONER)
    group = SynonymGroupFactory(words="trampolining, rebound therapy")
    client.post(change_url(group), {"words": "trampolining, rebound therapy, bouncing"})

    response = client.get(reverse("admin:directory_synonymgroup_history", args=[group.pk]))

    assert response.status_code == 200
    rows = response.context["rows"]
    assert rows[0].summary == "Words or phrases"
    assert rows[0].record.history_user.groups.filter(name=COMMISSIONER).exists()


def test_an_earlier_version_is_reverted_after_confirming(client):
    signed_in(client, COMMISSIONER)
    group = SynonymGroupFactory(words="trampolining, rebound therapy")
    client.post(change_url(group), {"words": "trampolining, bouncing"})
    version = group.history.earliest()
    url = reverse("admin:directory_synonymgroup_revert", args=[group.pk, version.history_id])

    confirm = client.get(url)
    group.refresh_from_db()
    assert confirm.status_code == 200 and group.words == "trampolining, bouncing"

    response = client.post(url)

    assert response.status_code == 302
    group.refresh_from_db()
    assert group.words == "trampolining, rebound therapy"
    assert group.history.count() == 3  # the revert is a version too


def test_the_list_shows_and_searches_the_groups(client):
    signed_in(client, DIRECTORY_EDITOR)

    response = client.get(reverse("admin:directory_synonymgroup_changelist"), {"q": "respite"})

    assert response.status_code == 200
    assert [str(group) for group in response.context["cl"].result_list] == [
        "respite, respite care, short break, short breaks"
    ]
    assert "Words that mean the same" in response.content.decode()


def test_an_officer_deletes_a_group(client):
    signed_in(client, DIRECTORY_EDITOR)
    group = seeded("youth club")

    response = client.post(
        reverse("admin:directory_synonymgroup_delete", args=[group.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not SynonymGroup.objects.filter(pk=group.pk).exists()
    assert group.history.filter(history_type="-").exists()


# ----------------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("words", "message"),
    [
        pytest.param(
            "",
            "Enter the words or phrases that mean the same, separated by commas, "
            "like: respite, short break",
            id="empty",
        ),
        pytest.param(
            " , ,, ",
            "Enter the words or phrases that mean the same, separated by commas, "
            "like: respite, short break",
            id="only_commas",
        ),
        pytest.param(
            "trampolining",
            "Enter at least 2 words or phrases, separated by commas, like: respite, short break",
            id="one_phrase",
        ),
        pytest.param(
            "trampolining, Trampolining",
            "Enter at least 2 words or phrases, separated by commas, like: respite, short break",
            id="the_same_twice",
        ),
        pytest.param(
            "trampoline, trampolines",
            "Enter at least 2 different words or phrases. Search already finds other forms of "
            "a word, such as “carers” for “carer”",
            id="forms_of_one_word",
        ),
        pytest.param(
            "trampolining, jumping up and down on a trampoline",
            "“jumping up and down on a trampoline” must be 5 words or fewer",
            id="too_many_words",
        ),
        pytest.param(
            "trampolining, " + "b" * 61,
            f"“{'b' * 60}…” must be 60 characters or fewer",
            id="too_long",
        ),
        pytest.param(
            "trampolining, ???",
            "“???” must include a letter or a number",
            id="no_letters",
        ),
        pytest.param(
            ", ".join(f"word{n}" for n in range(11)),
            "Enter 10 words or phrases or fewer",
            id="too_many_phrases",
        ),
        pytest.param(
            "trampolining, Short Breaks",
            "“Short Breaks” is already in another group "
            "(respite, respite care, short break, short breaks). "
            "Each word or phrase can be in one group only",
            id="in_another_group",
        ),
        pytest.param(
            "trampolining, short break",
            "“short break” is already in another group "
            "(respite, respite care, short break, short breaks). "
            "Each word or phrase can be in one group only",
            id="in_another_group_once",
        ),
    ],
)
def test_the_admin_says_what_is_wrong_and_saves_nothing(client, words, message):
    signed_in(client, DIRECTORY_EDITOR)
    before = list(SynonymGroup.objects.values_list("words", flat=True))

    response = client.post(add_url(), {"words": words})

    assert errors(response) == [message]
    assert response.context["title"].startswith("Add")
    assert list(SynonymGroup.objects.values_list("words", flat=True)) == before


def test_a_group_may_keep_its_own_phrases_when_edited(client):
    signed_in(client, DIRECTORY_EDITOR)
    group = seeded("youth club")

    response = client.post(change_url(group), {"words": "youth club, youth group, youth centre"})

    assert response.status_code == 302, errors(response)


# ---------------------------------------------------------------------------------- roles


def test_a_provider_user_can_neither_see_nor_edit_the_groups(client):
    signed_in(client, PROVIDER)
    group = seeded("respite")

    assert client.get(reverse("admin:directory_synonymgroup_changelist")).status_code == 403
    assert client.get(change_url(group)).status_code == 403
    assert client.post(change_url(group), {"words": "respite, holiday"}).status_code == 403
    assert client.post(add_url(), {"words": "trampolining, bouncing"}).status_code == 403
    group.refresh_from_db()
    assert group.words.startswith("respite, respite care")


@pytest.mark.parametrize("role", [DIRECTORY_EDITOR, COMMISSIONER])
def test_officers_have_every_permission_on_the_groups(role):
    permissions = set(
        Group.objects.get(name=role)
        .permissions.filter(content_type__model="synonymgroup")
        .values_list("codename", flat=True)
    )

    assert permissions == {
        f"{action}_synonymgroup" for action in ("view", "add", "change", "delete")
    }
