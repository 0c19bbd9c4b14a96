from django.apps import AppConfig


class PersonalAssistantsConfig(AppConfig):
    name = "directory.personal_assistants"
    label = "personal_assistants"
    verbose_name = "PA register"
