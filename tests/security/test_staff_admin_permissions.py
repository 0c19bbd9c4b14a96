"""Who may manage whom in the back office's user pages. Commissioners manage staff and their
roles; only a superuser makes a superuser or gives individual permissions; nobody but a
superuser touches a superuser's account; nobody changes their own role. Every case goes through
the real admin pages: the form is fetched as a browser would, then posted with tampered values."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.test import Client
from django.urls import reverse

from directory.models import Provider
from directory.roles import COMMISSIONER, DIRECTORY_EDITOR, PROVIDER, ROLES, has_role
from tests.factories import ProviderFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
NEW_PASSWORD = "a-brand-new-password-9"


@pytest.fixture(autouse=True)
def _no_second_factor(settings):
    """These tests are about the user pages, not signing in (tests/portal/test_staff_security)."""
    settings.TWO_FACTOR_FOR_COMMISSIONERS = False


# ---------------------------------------------------------------------- a browser's forms


class _Forms(HTMLParser):
    """Each form on a page and what a browser would send from it unchanged: inputs that are
    not disabled, ticked boxes, the chosen options, text areas; no button."""

    def __init__(self):
        super().__init__()
        self.forms: list[tuple[dict, dict[str, list[str]]]] = []
        self._select = None
        self._options: list[tuple[str, bool]] = []
        self._textarea = None

    def _add(self, name, value):
        self.forms[-1][1].setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append((attrs, {}))
        elif tag == "option" and self._select is not None:
            self._options.append((attrs.get("value", ""), "selected" in attrs))
        elif not self.forms or "disabled" in attrs or not attrs.get("name"):
            return
        elif tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self._add(attrs["name"], attrs.get("value") or default)
        elif tag == "select":
            self._select, self._options = attrs, []
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self._add(self._textarea, "")

    def handle_data(self, data):
        if self._textarea:
            self.forms[-1][1][self._textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select is not None:
            chosen = [value for value, selected in self._options if selected]
            if not chosen and "multiple" not in self._select and self._options:
                chosen = [self._options[0][0]]
            for value in chosen:
                self._add(self._select["name"], value)
            self._select = None


def form_on(response) -> dict[str, list[str]]:
    """What the page's main form sends if submitted unchanged (not the sign-out form, not a
    search)."""
    assert response.status_code == 200, response.status_code
    parser = _Forms()
    parser.feed(response.content.decode())
    for attrs, fields in parser.forms:
        if attrs.get("method", "get").lower() == "post" and attrs.get("id") != "logout-form":
            return fields
    raise AssertionError("no form to post on the page")


def change(user):
    return reverse("admin:auth_user_change", args=[user.pk])


def password(user):
    return reverse("admin:auth_user_password_change", args=[user.pk])


def delete(user):
    return reverse("admin:auth_user_delete", args=[user.pk])


def group(name):
    return Group.objects.get(name=name)


def permission(label):
    app, codename = label.split(".")
    return Permission.objects.get(content_type__app_label=app, codename=codename)


def roles_of(user):
    return set(user.groups.values_list("name", flat=True))


# ---------------------------------------------------------------------- people


@pytest.fixture
def commissioner(db):
    return UserFactory(username="cora", first_name="Cora", roles=[COMMISSIONER])


@pytest.fixture
def colleague(db):
    """A member of staff a commissioner manages."""
    return UserFactory(username="sam", first_name="Sam", roles=[DIRECTORY_EDITOR])


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def sneaky(db):
    """A group outside the roles, with a power no role has."""
    sneaky = Group.objects.create(name="Sneaky")
    sneaky.permissions.add(permission("auth.change_group"))
    return sneaky


@pytest.fixture
def as_commissioner(client, commissioner):
    client.force_login(commissioner)
    return client


@pytest.fixture
def as_superuser(superuser):
    client = Client()
    client.force_login(superuser)
    return client


# ---------------------------------------------------------------------- superuser status


def test_a_commissioner_cannot_make_themself_a_superuser(as_commissioner, commissioner):
    data = form_on(as_commissioner.get(change(commissioner)))

    as_commissioner.post(change(commissioner), data | {"is_superuser": "on"})

    commissioner.refresh_from_db()
    assert not commissioner.is_superuser


def test_a_commissioner_cannot_make_a_colleague_a_superuser(as_commissioner, colleague):
    data = form_on(as_commissioner.get(change(colleague)))

    as_commissioner.post(change(colleague), data | {"is_superuser": "on"})

    colleague.refresh_from_db()
    assert not colleague.is_superuser


def test_the_superuser_box_is_not_on_a_commissioners_form(as_commissioner, colleague):
    page = as_commissioner.get(change(colleague)).content.decode()

    assert 'name="is_superuser"' not in page
    assert 'name="user_permissions"' not in page


# ---------------------------------------------------------------------- individual permissions


@pytest.mark.parametrize("power", ["auth.change_group", "directory.delete_council"])
@pytest.mark.parametrize("whose", ["their own", "a colleague's"])
def test_a_commissioner_cannot_give_individual_permissions(
    as_commissioner, commissioner, colleague, whose, power
):
    target = commissioner if whose == "their own" else colleague
    data = form_on(as_commissioner.get(change(target)))

    as_commissioner.post(change(target), data | {"user_permissions": [permission(power).pk]})

    assert not target.user_permissions.exists()
    assert not User.objects.get(pk=target.pk).has_perm(power)


# ---------------------------------------------------------------------- their own role


@pytest.mark.parametrize(
    "tampered_roles",
    [
        pytest.param([COMMISSIONER, DIRECTORY_EDITOR], id="adds the Directory editor role"),
        pytest.param([DIRECTORY_EDITOR], id="swaps Commissioner for Directory editor"),
        pytest.param([], id="drops every role"),
    ],
)
def test_a_commissioner_cannot_change_their_own_roles(
    as_commissioner, commissioner, tampered_roles
):
    data = form_on(as_commissioner.get(change(commissioner)))

    as_commissioner.post(
        change(commissioner), data | {"groups": [group(role).pk for role in tampered_roles]}
    )

    assert roles_of(commissioner) == {COMMISSIONER}


@pytest.mark.parametrize("box", ["is_staff", "is_active"])
def test_a_commissioner_cannot_take_away_their_own_access(as_commissioner, commissioner, box):
    data = form_on(as_commissioner.get(change(commissioner)))
    data.pop(box, None)

    as_commissioner.post(change(commissioner), data)

    commissioner.refresh_from_db()
    assert getattr(commissioner, box)


def test_a_commissioner_still_changes_their_own_name_and_email(as_commissioner, commissioner):
    data = form_on(as_commissioner.get(change(commissioner)))

    response = as_commissioner.post(
        change(commissioner), data | {"first_name": "Coral", "email": "coral@council.example"}
    )

    assert response.status_code == 302
    commissioner.refresh_from_db()
    assert (commissioner.first_name, commissioner.email) == ("Coral", "coral@council.example")
    assert roles_of(commissioner) == {COMMISSIONER} and commissioner.is_staff


# ---------------------------------------------------------------------- a superuser's account


def _superusers_forms(as_superuser, superuser):
    """What a commissioner would post, copied from the pages a superuser sees."""
    return {
        "change": form_on(as_superuser.get(change(superuser)))
        | {"username": "taken-over", "email": "attacker@example.com"},
        "password": form_on(as_superuser.get(password(superuser)))
        | {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "set-password": ""},
        "delete": {"post": "yes"},
    }


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("which", ["change", "password", "delete", "history"])
def test_a_commissioner_cannot_reach_a_superusers_pages(
    as_commissioner, as_superuser, superuser, which, method
):
    forms = _superusers_forms(as_superuser, superuser)
    url = {
        "change": change(superuser),
        "password": password(superuser),
        "delete": delete(superuser),
        "history": reverse("admin:auth_user_history", args=[superuser.pk]),
    }[which]

    response = getattr(as_commissioner, method)(url, forms.get(which, {}))

    assert response.status_code in (403, 404)
    superuser = User.objects.get(pk=superuser.pk)
    assert superuser.check_password(PASSWORD)
    assert (superuser.username, superuser.is_superuser) == ("root", True)


def test_a_commissioner_cannot_delete_a_superuser_from_the_list(as_commissioner, superuser):
    as_commissioner.post(
        reverse("admin:auth_user_changelist"),
        {"action": "delete_selected", "_selected_action": [superuser.pk], "post": "yes"},
    )

    assert User.objects.filter(pk=superuser.pk).exists()


def test_a_commissioner_cannot_delete_their_own_account_from_the_list(
    as_commissioner, commissioner
):
    as_commissioner.post(
        reverse("admin:auth_user_changelist"),
        {"action": "delete_selected", "_selected_action": [commissioner.pk], "post": "yes"},
    )

    assert User.objects.filter(pk=commissioner.pk).exists()


def test_superusers_are_not_listed_for_a_commissioner(as_commissioner, colleague, superuser):
    page = as_commissioner.get(reverse("admin:auth_user_changelist")).content.decode()

    assert change(colleague) in page
    assert change(superuser) not in page


def test_someone_given_powers_beyond_the_roles_is_a_superusers_to_manage(
    as_commissioner, colleague, sneaky
):
    """A commissioner who could reset their password would hold those powers too."""
    extra = UserFactory(username="special", is_staff=True)
    extra.user_permissions.add(permission("directory.delete_council"))
    colleague.groups.add(sneaky)

    for user in (extra, colleague):
        assert as_commissioner.get(change(user)).status_code == 404
        assert as_commissioner.get(password(user)).status_code == 404


# ---------------------------------------------------------------------- new users


def test_a_new_user_made_by_a_commissioner_is_never_a_superuser(
    as_commissioner, commissioner, sneaky
):
    data = form_on(as_commissioner.get(reverse("admin:auth_user_add")))

    as_commissioner.post(
        reverse("admin:auth_user_add"),
        data
        | {
            "username": "newbie",
            "usable_password": "true",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "is_superuser": "on",
            "user_permissions": [permission("auth.change_group").pk],
            "groups": [sneaky.pk, group(COMMISSIONER).pk],
        },
    )

    newbie = User.objects.get(username="newbie")
    assert not newbie.is_superuser
    assert not newbie.user_permissions.exists()
    assert not newbie.groups.exists()


# ---------------------------------------------------------------------- roles only


def test_a_commissioner_cannot_put_someone_in_a_group_that_is_not_a_role(
    as_commissioner, colleague, sneaky
):
    data = form_on(as_commissioner.get(change(colleague)))

    response = as_commissioner.post(change(colleague), data | {"groups": [sneaky.pk]})

    assert response.status_code == 200
    assert "groups" in response.context["adminform"].form.errors
    assert roles_of(colleague) == {DIRECTORY_EDITOR}


def test_a_commissioner_chooses_from_the_roles_only(as_commissioner, colleague, sneaky):
    response = as_commissioner.get(change(colleague))

    field = response.context["adminform"].form.fields["groups"]
    assert sorted(name for _, name in field.choices) == sorted(ROLES)
    assert field.label == "Roles"


# ---------------------------------------------------------------------- what they may do


def test_a_commissioner_gives_a_new_starter_staff_access_and_the_directory_editor_role(
    as_commissioner,
):
    starter = UserFactory(username="starter", is_staff=False)
    data = form_on(as_commissioner.get(change(starter)))

    response = as_commissioner.post(
        change(starter), data | {"is_staff": "on", "groups": [group(DIRECTORY_EDITOR).pk]}
    )

    assert response.status_code == 302
    starter.refresh_from_db()
    assert starter.is_staff and has_role(starter, DIRECTORY_EDITOR)
    assert not starter.is_superuser


def test_a_commissioner_sets_a_colleagues_password(as_commissioner, colleague):
    data = form_on(as_commissioner.get(password(colleague)))

    response = as_commissioner.post(
        password(colleague),
        data | {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "set-password": ""},
    )

    assert response.status_code == 302
    assert User.objects.get(pk=colleague.pk).check_password(NEW_PASSWORD)


def test_a_superuser_makes_a_superuser_and_gives_individual_permissions(as_superuser, colleague):
    data = form_on(as_superuser.get(change(colleague)))

    response = as_superuser.post(
        change(colleague),
        data | {"is_superuser": "on", "user_permissions": [permission("auth.change_group").pk]},
    )

    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.is_superuser
    assert colleague.user_permissions.filter(codename="change_group").exists()


def test_a_provider_user_is_linked_to_its_organisation_on_the_providers_page(
    as_commissioner, council
):
    person = UserFactory(username="pat.provider", roles=[PROVIDER])
    provider = ProviderFactory(name="Allendale Drama Group")
    url = reverse("admin:directory_provider_change", args=[provider.pk])
    found = as_commissioner.get(
        reverse("admin:autocomplete"),
        {"app_label": "directory", "model_name": "provider", "field_name": "users", "term": "pat"},
    ).json()["results"]
    data = form_on(as_commissioner.get(url))

    response = as_commissioner.post(url, data | {"users": [found[0]["id"]]})

    assert [result["text"] for result in found] == ["pat.provider"]
    assert response.status_code == 302
    assert list(Provider.objects.get(pk=provider.pk).users.all()) == [person]


def test_the_user_list_takes_the_same_queries_however_many_people_there_are(
    as_commissioner, django_assert_max_num_queries
):
    UserFactory.create_batch(60, roles=[DIRECTORY_EDITOR])

    with django_assert_max_num_queries(15):
        as_commissioner.get(reverse("admin:auth_user_changelist"))


# ---------------------------------------------------------------------- the walk


ACTORS = (COMMISSIONER, DIRECTORY_EDITOR, PROVIDER, "staff without a role", "superuser")

# What each kind of person gets from each user and group page: Commissioners manage staff
# other than superusers (who are hidden from them: 404) and cannot delete themselves; the
# other roles and staff without a role have no user or group pages (403); groups are the roles,
# kept in code, so commissioners only read them. Columns follow ACTORS.
USER_AND_GROUP_PAGES_BY_WHO_ASKS = {
    "list users": (200, 403, 403, 403, 200),
    "add a user": (200, 403, 403, 403, 200),
    "change a colleague": (200, 403, 403, 403, 200),
    "change a superuser": (404, 403, 403, 403, 200),
    "change own account": (200, 403, 403, 403, 200),
    "set own password": (200, 403, 403, 403, 200),
    "set a colleague's password": (200, 403, 403, 403, 200),
    "set a superuser's password": (404, 403, 403, 403, 200),
    "delete a colleague": (200, 403, 403, 403, 200),
    "delete a superuser": (404, 403, 403, 403, 200),
    "delete own account": (403, 403, 403, 403, 200),
    "list groups": (200, 403, 403, 403, 200),
    "add a group": (403, 403, 403, 403, 200),
    "read a group": (200, 403, 403, 403, 200),
    "save a group": (403, 403, 403, 403, 302),
    "delete a group": (403, 403, 403, 403, 200),
}


def _actor(who):
    if who == "superuser":
        return UserFactory(username="boss", is_staff=True, is_superuser=True)
    if who == "staff without a role":
        return UserFactory(username="nobody", is_staff=True)
    return UserFactory(username="walker", roles=[who])


def _request(client, page, *, me, colleague, superuser):
    role = group(DIRECTORY_EDITOR)
    urls = {
        "list users": reverse("admin:auth_user_changelist"),
        "add a user": reverse("admin:auth_user_add"),
        "change a colleague": change(colleague),
        "change a superuser": change(superuser),
        "change own account": change(me),
        "set own password": password(me),
        "set a colleague's password": password(colleague),
        "set a superuser's password": password(superuser),
        "delete a colleague": delete(colleague),
        "delete a superuser": delete(superuser),
        "delete own account": delete(me),
        "list groups": reverse("admin:auth_group_changelist"),
        "add a group": reverse("admin:auth_group_add"),
        "read a group": reverse("admin:auth_group_change", args=[role.pk]),
        "save a group": reverse("admin:auth_group_change", args=[role.pk]),
        "delete a group": reverse("admin:auth_group_delete", args=[role.pk]),
    }
    if page == "save a group":
        return client.post(urls[page], {"name": role.name})
    return client.get(urls[page])


@pytest.mark.parametrize("who", ACTORS)
@pytest.mark.parametrize("where", USER_AND_GROUP_PAGES_BY_WHO_ASKS)
def test_who_reaches_which_user_and_group_page(client, colleague, superuser, who, where):
    me = _actor(who)
    client.force_login(me)

    response = _request(client, where, me=me, colleague=colleague, superuser=superuser)

    assert response.status_code == USER_AND_GROUP_PAGES_BY_WHO_ASKS[where][ACTORS.index(who)]
