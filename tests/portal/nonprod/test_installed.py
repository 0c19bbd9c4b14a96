"""The demo council, benchmarks and factories are for developers: with DEBUG off (production)
the app is not installed, so its commands do not exist, and nothing it needs is a runtime
dependency."""

import tomllib
from pathlib import Path

from tests.portal.test_security import PRODUCTION, run_manage

ROOT = Path(__file__).resolve().parents[3]
SHOW = "from django.apps import apps; print(apps.is_installed('portal.nonprod'))"


def test_with_debug_off_the_demo_app_is_not_installed():
    result = run_manage("shell", "--no-imports", "-c", SHOW, **PRODUCTION)

    assert result.stdout.strip() == "False", result.stderr


def test_with_debug_off_there_is_no_seed_demo_command():
    result = run_manage("seed_demo", **PRODUCTION)

    assert result.returncode != 0
    assert "Unknown command: 'seed_demo'" in result.stderr


def test_for_local_development_the_demo_app_is_installed():
    result = run_manage("shell", "--no-imports", "-c", SHOW, DEBUG="true")

    assert result.stdout.strip() == "True", result.stderr


def test_factory_boy_is_not_a_runtime_dependency():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]

    assert not [d for d in project["dependencies"] if d.lower().startswith("factory")]
    assert [d for d in project["optional-dependencies"]["dev"] if d.startswith("factory-boy")]
