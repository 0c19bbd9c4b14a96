from django.urls import path

from . import views

app_name = "short_notice"

urlpatterns = [
    path("", views.places, name="places"),
    path("alerts/", views.alert_new, name="alert-new"),
    path("alerts/check-your-email/", views.alert_requested, name="requested"),
    path("alerts/confirm/<str:token>/", views.alert_confirm_view, name="confirm"),
    path("alerts/renew/<str:token>/", views.alert_renew_view, name="renew"),
    path("alerts/stop/<str:token>/", views.alert_unsubscribe_view, name="unsubscribe"),
]
