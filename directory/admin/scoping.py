"""Provider users in the back office see only their own providers' records."""

from django.http import Http404

from ..roles import acts_for_providers

# The foreign keys whose choices a provider user narrows to its own records.
SCOPED_CHOICES = ("provider", "venue")


class ProviderScoped:
    """For a provider user, only the records of the providers they are linked to (the model's
    `visible_to`): in lists, searches and autocompletes, in the choices of a provider or venue,
    and by address. Another provider's record is not found (404), however its address is
    typed."""

    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def get_object(self, request, object_id, from_field=None):
        found = super().get_object(request, object_id, from_field)
        if found is None and acts_for_providers(request.user):
            raise Http404("No record of yours has that address.")
        return found

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Only for provider users: anyone else keeps Django's choices, in the admin's order.
        if db_field.name in SCOPED_CHOICES and acts_for_providers(request.user):
            kwargs["queryset"] = db_field.related_model.objects.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
