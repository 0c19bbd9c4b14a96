"""`manage.py seed_demo`: the fictional demo council, idempotent, never on a live site."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from directory.models import Council


def test_seed_demo_refuses_to_run_with_debug_off(db, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="only runs with DEBUG on"):
        call_command("seed_demo")

    assert not get_user_model().objects.exists()


def test_seed_demo_configures_the_demo_council_and_can_run_twice(db, settings):
    settings.DEBUG = True

    call_command("seed_demo")
    call_command("seed_demo")

    assert Council.objects.count() == 1
    council = Council.objects.current()
    assert council.name == "South Wessex Council"
    assert council.contact_phone.startswith("01632 960")
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password("demo-admin-password")


def test_seed_demo_runs_with_debug_off_only_when_told_to(db, settings):
    settings.DEBUG = False

    call_command("seed_demo", "--allow-without-debug")

    assert Council.objects.current().name == "South Wessex Council"
