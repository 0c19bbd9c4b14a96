"""The import contracts of `make lint` (import-linter, pyproject.toml) hold for the code, and
break when a module imports upward or production code imports the tests."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
APPS = ("directory", "eligibility", "portal")


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(cwd)},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def copy_of_the_code(tmp_path):
    """The apps, an empty tests package and the contracts, where a test may break them."""
    for app in APPS:
        shutil.copytree(ROOT / app, tmp_path / app, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "__init__.py").write_text("")
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def test_the_code_keeps_the_contracts():
    result = lint_imports(ROOT)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "imports", "contract"),
    [
        ("directory/upward.py", "import portal.urls", "Apps are layered"),
        ("directory/upward.py", "from eligibility import rules", "Apps are layered"),
        ("eligibility/upward.py", "from portal import views", "Apps are layered"),
        ("portal/uses_tests.py", "import tests", "never imports the tests"),
    ],
)
def test_an_import_against_the_contracts_fails_the_lint(
    copy_of_the_code, module, imports, contract
):
    (copy_of_the_code / module).write_text(f"{imports}\n")

    result = lint_imports(copy_of_the_code)

    assert result.returncode != 0
    assert f"{contract}" in result.stdout
    assert "BROKEN" in result.stdout
