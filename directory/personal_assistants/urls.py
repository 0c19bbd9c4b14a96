from django.urls import path

from .views import application, families, profile

app_name = "personal_assistants"

urlpatterns = [
    path("", families.search, name="search"),
    path("privacy/", families.privacy, name="privacy"),
    path("apply/", application.start, name="apply"),
    path("apply/check-your-answers/", application.check_answers, name="apply-check"),
    path("apply/sent/", application.sent, name="apply-sent"),
    path("apply/<slug:step_name>/", application.question, name="apply-question"),
    path("manage/", profile.manage_request, name="manage-request"),
    path("manage/sent/", profile.manage_sent, name="manage-sent"),
    path("manage/withdrawn/", profile.withdrawn, name="withdrawn"),
    path("manage/<str:token>/", profile.manage, name="manage"),
    path("manage/<str:token>/withdraw/", profile.withdraw, name="withdraw"),
    path("confirm/<str:token>/", profile.confirm, name="confirm"),
    path("<uuid:pk>/", families.profile, name="profile"),
    path("<uuid:pk>/sent/", families.sent, name="sent"),
]
