from django.urls import path

from . import views

app_name = "eligibility"

urlpatterns = [
    path("", views.start, name="start"),
    path("check-your-answers/", views.check_answers, name="check-answers"),
    path("result/", views.result, name="result"),
    path("start-again/", views.start_again, name="start-again"),
    path("preview/<int:pk>/", views.preview, name="preview"),
    path("<slug:step_name>/", views.question, name="question"),
]
