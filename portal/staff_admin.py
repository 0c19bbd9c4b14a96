"""The back office's page for staff accounts: Django's user admin, narrowed for everyone who is
not a superuser. Commissioners may change users, and Django's stock page would let them make
themselves superusers, give themselves any permission, or set a superuser's password and sign
in as them. Here a commissioner manages staff and their roles only (docs/roles.md):

- only a superuser sees superuser status and individual permissions: they are not on anyone
  else's form, so a tampered post setting them is ignored;
- roles are chosen from the roles' groups only; another group is an error on the form;
- their own account's role, staff access and active status are read only;
- accounts beyond the roles (directory.roles.users_managed_by: superusers, people with individual
  permissions or other groups) are not listed, and their pages are not found (404);
- they cannot delete their own account.

Imported by portal/admin.py, after django.contrib.auth has registered its own page."""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.http import Http404

from directory.invitations import provider_role_users
from directory.roles import acts_for_providers, may_manage, role_groups, users_managed_by

User = get_user_model()

ACCESS = "Access to the back office"
DATES = ("Dates", {"fields": ("last_login", "date_joined")})
DETAILS = (
    (None, {"fields": ("username", "password")}),
    ("Name and email", {"fields": ("first_name", "last_name", "email")}),
)
STAFF_ACCOUNT = (*DETAILS, (ACCESS, {"fields": ("is_active", "is_staff", "groups")}), DATES)
# "roles" shows the groups read only, under the same name as on a colleague's form.
OWN_ACCOUNT = (
    *DETAILS,
    (
        ACCESS,
        {
            "fields": ("is_active", "is_staff", "roles"),
            "description": "Another commissioner or an administrator changes your role.",
        },
    ),
    DATES,
)
OWN_ACCESS = ("is_active", "is_staff", "roles")

admin.site.unregister(User)


def links_provider_users(request) -> bool:
    """Whether the request is the provider page's search for people to link to it
    ("People who update its listings"), by someone who may change providers: directory editors
    search there too, though they have no user pages, and find only provider users
    (directory.invitations.provider_role_users)."""
    match = request.resolver_match
    return (
        match is not None
        and match.url_name == "autocomplete"
        and request.GET.get("app_label") == "directory"
        and request.GET.get("model_name") == "provider"
        and request.GET.get("field_name") == "users"
        and request.user.has_perm("directory.change_provider")
        and not acts_for_providers(request.user)
    )


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    def get_queryset(self, request):
        users = super().get_queryset(request)
        if links_provider_users(request):
            return users.filter(pk__in=provider_role_users().values("pk"))
        if request.user.is_superuser:
            return users
        return users.filter(pk__in=users_managed_by(request.user).values("pk"))

    def get_object(self, request, object_id, from_field=None):
        """Not found, rather than Django's redirect to the front page, for an account the
        queryset hides, as directory.admin does for another provider's records. Those with no
        user pages at all still get "permission denied", whatever the address."""
        found = super().get_object(request, object_id, from_field)
        if (
            found is None
            and not request.user.is_superuser
            and self.has_view_or_change_permission(request)
        ):
            raise Http404("No account you manage has that address.")
        return found

    def has_view_permission(self, request, obj=None):
        if obj is None and links_provider_users(request):
            return True
        return super().has_view_permission(request, obj) and (
            obj is None or may_manage(request.user, obj)
        )

    def has_change_permission(self, request, obj=None):
        # Also guards the password page: UserAdmin.user_change_password asks this.
        return super().has_change_permission(request, obj) and (
            obj is None or may_manage(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None
            or request.user.is_superuser
            or (obj.pk != request.user.pk and may_manage(request.user, obj))
        )

    def get_list_filter(self, request):
        if request.user.is_superuser:
            return super().get_list_filter(request)
        return ("is_staff", "is_active")

    def get_fieldsets(self, request, obj=None):
        if obj is None or request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        return OWN_ACCOUNT if obj.pk == request.user.pk else STAFF_ACCOUNT

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        own = obj is not None and obj.pk == request.user.pk
        return ("last_login", "date_joined", *(OWN_ACCESS if own else ()))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs.update(
                queryset=role_groups(),
                widget=forms.CheckboxSelectMultiple,
                label="Roles",
                help_text="What they can do in the back office. Give each person the role "
                "they need, and no more. A role works only with access to the back office.",
                error_messages={"invalid_choice": "Choose roles from the list"},
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description="Roles")
    def roles(self, user):
        return ", ".join(user.groups.order_by("name").values_list("name", flat=True)) or "None"

    def save_related(self, request, form, formsets, change):
        """The forms above already keep everything past the roles out of reach; this refuses
        the whole save (the admin's transaction is rolled back) should any path ever let an
        account past them."""
        super().save_related(request, form, formsets, change)
        if not may_manage(request.user, form.instance):
            raise PermissionDenied
