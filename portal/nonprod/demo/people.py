"""Demo sign-ins for the back office, one per role, listed in the README."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from directory.models import Provider
from directory.roles import COMMISSIONER, DIRECTORY_EDITOR, PROVIDER

DEMO_ADMIN = {
    "username": "admin",
    "password": "demo-admin-password",
    "email": "admin@southwessex.example",
}
# (user name, password, role, provider they act for)
DEMO_ROLES = (
    ("commissioner", "demo-commissioner-password", COMMISSIONER, None),
    ("editor", "demo-editor-password", DIRECTORY_EDITOR, None),
    ("provider", "demo-provider-password", PROVIDER, "Allendale Drama Group"),
)


def _person(username: str, password: str, *, superuser: bool = False):
    User = get_user_model()
    user, _ = User.objects.get_or_create(
        username=username, defaults={"email": f"{username}@southwessex.example"}
    )
    user.is_staff, user.is_superuser, user.is_active = True, superuser, True
    user.set_password(password)
    user.save()
    user.groups.clear()
    user.providers.clear()
    return user


def seed_people():
    """Create (or reset) the demo superuser and a demo user for each role."""
    people = [_person(DEMO_ADMIN["username"], DEMO_ADMIN["password"], superuser=True)]
    for username, password, role, provider in DEMO_ROLES:
        user = _person(username, password)
        user.groups.add(Group.objects.get(name=role))
        if provider:
            Provider.objects.get(name=provider).users.add(user)
        people.append(user)
    return people
