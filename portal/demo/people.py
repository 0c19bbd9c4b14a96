"""Demo sign-ins for the back office, listed in the README."""

from django.contrib.auth import get_user_model

DEMO_ADMIN = {
    "username": "admin",
    "password": "demo-admin-password",
    "email": "admin@southwessex.example",
}


def seed_people():
    """Create (or reset) the demo superuser."""
    User = get_user_model()
    user, _ = User.objects.get_or_create(
        username=DEMO_ADMIN["username"], defaults={"email": DEMO_ADMIN["email"]}
    )
    user.is_staff = user.is_superuser = True
    user.set_password(DEMO_ADMIN["password"])
    user.save()
    return [user]
