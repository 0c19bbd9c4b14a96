"""Forms kept in the session until their sender sees them again (directory.held_forms)."""

from django.http import QueryDict

from directory import held_forms

PAGE = "/admin/directory/service/1/change/"


def sent(text: str) -> QueryDict:
    return QueryDict(text)


def test_a_kept_form_comes_back_once_to_its_sender_on_its_page():
    session = {}
    key = held_forms.form_hold(
        session, user_id=7, path=PAGE, data=sent("name=Club&needs=1&needs=2")
    )

    assert held_forms.form_take(session, key=key, user_id=8, path=PAGE) is None
    assert held_forms.form_take(session, key=key, user_id=7, path="/admin/") is None
    data = held_forms.form_take(session, key=key, user_id=7, path=PAGE)
    assert data["name"] == "Club" and data.getlist("needs") == ["1", "2"]
    assert held_forms.form_take(session, key=key, user_id=7, path=PAGE) is None


def test_secrets_are_never_kept():
    session = {}
    data = sent("username=x&password1=secret&password2=secret&csrfmiddlewaretoken=t&otp_token=1")

    key = held_forms.form_hold(session, user_id=1, path="/admin/auth/user/add/", data=data)

    assert list(
        held_forms.form_take(session, key=key, user_id=1, path="/admin/auth/user/add/")
    ) == ["username"]


def test_only_forms_that_can_be_shown_again_are_kept():
    assert held_forms.form_hold({}, user_id=1, path="/admin/logout/", data=sent("a=1")) is None


def test_a_huge_form_is_not_kept_and_only_the_newest_are():
    session = {}
    huge = sent("description=" + "x" * (held_forms.MAX_CHARACTERS + 1))
    assert held_forms.form_hold(session, user_id=1, path=PAGE, data=huge) is None

    keys = [
        held_forms.form_hold(session, user_id=1, path=PAGE, data=sent(f"n={n}")) for n in range(7)
    ]

    assert len(session[held_forms.HELD]) == held_forms.KEEP_AT_MOST
    assert held_forms.form_take(session, key=keys[0], user_id=1, path=PAGE) is None


def test_the_restore_address_keeps_the_pages_own_query():
    assert held_forms.restore_url("/a/?x=1", "k") == "/a/?x=1&restore=k"
    assert held_forms.restore_url("/a/", "k") == "/a/?restore=k"
