"""Static files storage: whitenoise's hashed, compressed files, with ES module imports rewritten."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class HashedModuleStorage(CompressedManifestStaticFilesStorage):
    """Hash the files imported by our JavaScript modules, so they can be cached for ever too."""

    support_js_module_import_aggregation = True
