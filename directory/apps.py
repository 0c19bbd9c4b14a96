from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Directory"

    def ready(self):
        from simple_history.signals import pre_create_historical_record

        from .history import keep_listing

        pre_create_historical_record.connect(keep_listing, dispatch_uid="directory-listing")
