from django.urls import path

from . import invitation_views, listing_confirmation_views, views

app_name = "directory"

urlpatterns = [
    path("", views.search, name="search"),
    path("short-breaks.csv", views.download, name="download"),
    path("services/<uuid:pk>/", views.service_detail, name="service"),
    path("services/<uuid:pk>/preview/", views.service_preview, name="service-preview"),
    path("services/<uuid:pk>/report/", views.report_problem, name="report-problem"),
    path("services/<uuid:pk>/report/sent/", views.report_sent, name="report-sent"),
    path("providers/<uuid:pk>/", views.provider_detail, name="provider"),
    path(
        "invitations/<str:uidb64>/<str:token>/",
        invitation_views.invitation,
        name="invitation",
    ),
    path(
        "listings/check/<str:token>/",
        listing_confirmation_views.listing_review,
        name="listing-review",
    ),
    path(
        "listings/check/<str:token>/<uuid:pk>/changes/",
        listing_confirmation_views.listing_corrections,
        name="listing-corrections",
    ),
    path("shortlist/", views.shortlist, name="shortlist"),
    path("shortlist/add/", views.shortlist_add, name="shortlist-add"),
    path("shortlist/remove/", views.shortlist_remove, name="shortlist-remove"),
    path("shortlist/save/", views.shortlist_save, name="shortlist-save"),
]
