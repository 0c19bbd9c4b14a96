from django.apps import AppConfig


class ShortNoticeConfig(AppConfig):
    name = "directory.short_notice"
    label = "short_notice"
    verbose_name = "Places now"
