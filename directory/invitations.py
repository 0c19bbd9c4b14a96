"""Bringing a provider's staff into the back office: editors link provider users to an
organisation, and invite new ones by email.

An invitation makes an account in the Provider role, linked to the organisation, with no
password, and emails a link to set one. The link is Django's password-reset token under a salt
of its own (so a reset link is not an invitation, nor the reverse): it expires after
PASSWORD_RESET_TIMEOUT (3 days by default) and works once, since setting the password changes
what the token was made from."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .models import Provider
from .roles import COMMISSIONER, DIRECTORY_EDITOR, PROVIDER


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "directory.invitations.InvitationTokenGenerator"


invitation_tokens = InvitationTokenGenerator()


def provider_role_users():
    """The accounts an editor may link to an organisation, and see to do so: people in the
    Provider role and in no wider one (not superusers, editors or commissioners)."""
    return (
        get_user_model()
        .objects.filter(groups__name=PROVIDER, is_superuser=False)
        .exclude(groups__name__in=[COMMISSIONER, DIRECTORY_EDITOR])
        .distinct()
    )


def invitation_url(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = invitation_tokens.make_token(user)
    return settings.SITE_URL + reverse("directory:invitation", args=[uid, token])


def invitation_text(*, provider: Provider, user, by, link: str | None) -> tuple[str, str]:
    inviter = by.get_full_name() or by.username
    lines = [
        f"Dear {user.get_full_name() or user.email},",
        "",
        f"{inviter} has given you a sign-in to update {provider.name}'s short breaks listings "
        "on the council's website.",
        "",
    ]
    if link:
        lines += [
            "Set your password here. The link works once, within "
            f"{settings.PASSWORD_RESET_TIMEOUT // 86400} days:",
            link,
            "",
            f"Your user name is {user.username}.",
        ]
    else:
        sign_in = settings.SITE_URL + reverse("admin:index")
        lines += [f"Sign in as usual to see its listings: {sign_in}"]
    return f"Update {provider.name}'s short breaks listings", "\n".join(lines)


def provider_staff_invite(*, provider: Provider, email: str, name: str, by):
    """Invite someone to update the provider's listings: a new account in the Provider role
    with a link to set its password, or, for someone already in that role, a link to this
    provider too. Refused (ValidationError) for an address of a wider account."""
    email = get_user_model().objects.normalize_email(email.strip()).lower()
    existing = get_user_model().objects.filter(email__iexact=email).first()
    with transaction.atomic():
        if existing is not None:
            if not provider_role_users().filter(pk=existing.pk).exists():
                raise ValidationError(
                    {"email": "This email address belongs to a council account. Use another."}
                )
            user, link = existing, None
        else:
            first, _, last = name.strip().partition(" ")
            user = get_user_model()(
                username=email[:150], email=email, first_name=first[:150], last_name=last[:150]
            )
            user.is_staff = True
            user.set_unusable_password()
            user.full_clean(exclude=["password"])
            user.save()
            user.groups.add(Group.objects.get(name=PROVIDER))
            link = invitation_url(user)
        provider.users.add(user)
        subject, body = invitation_text(provider=provider, user=user, by=by, link=link)
        send_mail(subject, body, None, [email])
    return user
