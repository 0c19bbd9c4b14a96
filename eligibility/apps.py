from django.apps import AppConfig


class EligibilityConfig(AppConfig):
    name = "eligibility"
    verbose_name = "Eligibility checker"
