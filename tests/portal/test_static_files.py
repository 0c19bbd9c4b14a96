"""Production static files: hashed and compressed names, with module imports rewritten."""

import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

BUILT = Path(django_settings.BASE_DIR) / "static" / "build" / "application.css"


@pytest.mark.skipif(
    not BUILT.exists(), reason="the stylesheet is not built: run `make install` (npm run build)"
)
def test_collectstatic_hashes_compresses_and_rewrites_module_imports(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "portal.staticfiles.HashedModuleStorage"},
    }

    call_command("collectstatic", "--no-input", verbosity=0)

    css = list((tmp_path / "build").glob("application.*.css"))
    assert len(css) == 1
    assert (tmp_path / "build" / f"{css[0].name}.gz").exists()
    assert (tmp_path / "build" / f"{css[0].name}.br").exists()
    script = next((tmp_path / "js").glob("application.*.js")).read_text()
    assert re.search(r'from "\.\./build/govuk/govuk-frontend\.min\.[0-9a-f]{12}\.js"', script)
