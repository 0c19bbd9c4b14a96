"""The back office's roles: groups with model permissions, kept in step with MATRIX.

docs/roles.md shows the same matrix for people. A superuser can do everything; everyone else
gets what their groups give. A provider user also sees only the records of the providers they
are linked to (the querysets' visible_to), whatever the matrix says about the model. Who may
manage whose account (portal.staff_admin) is users_managed_by."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q

COMMISSIONER = "Commissioner"
DIRECTORY_EDITOR = "Directory editor"
PROVIDER = "Provider"
ROLES = (COMMISSIONER, DIRECTORY_EDITOR, PROVIDER)

ALL = ("view", "add", "change", "delete")
VIEW = ("view",)

DIRECTORY_RECORDS = ("provider", "service", "venue", "session", "servicelocation")
DIRECTORY_LISTS = (
    "need",
    "breakkind",
    "accessibilityfeature",
    "ageband",
    "locality",
    "postcodedistrict",
    "synonymgroup",
)

_EDITOR = {
    **{f"directory.{model}": ALL for model in DIRECTORY_RECORDS + DIRECTORY_LISTS},
    "directory.problemreport": ("view", "change"),
    "directory.proposedchange": ("view", "approve"),
    "directory.council": VIEW,
    "directory.postcode": VIEW,
    "directory.reviewreminder": VIEW,
    # Imports run in the background: their progress and results (directory.import_jobs).
    "directory.importjob": VIEW,
    # Short-notice places: posted, taken and withdrawn, never deleted (the report counts them).
    "short_notice.shortnoticeplace": ("view", "add", "change"),
    # The "PA register" permission: the officers' queue of personal assistants.
    "personal_assistants.personalassistant": ("view", "change", "approve"),
}

MATRIX: dict[str, dict[str, tuple[str, ...]]] = {
    COMMISSIONER: {
        **_EDITOR,
        "directory.council": ("view", "change"),
        "directory.problemreport": ("view", "change", "delete"),
        # Families' email alerts: to find and delete one when its family asks.
        "short_notice.alert": ("view", "delete"),
        "eligibility.ruleset": ALL,
        "eligibility.rulesetpassport": ALL,
        "eligibility.rulesetcase": ALL,
        "eligibility.checkrecord": VIEW,
        "auth.user": ALL,
        "auth.group": VIEW,
        "portal.statement": (*ALL, "publish"),
        "portal.statementsection": ALL,
        "portal.report": VIEW,
        "portal.activity": VIEW,  # the activity log: who changed what, when
        # A deleted provider, venue or service: deleting it for good (directory.archive).
        **{f"directory.{model}": (*ALL, "purge") for model in ("provider", "service", "venue")},
        # Staff sign-in lockouts (django-axes' failed attempts): see them, and lift one.
        "axes.accessattempt": ("view", "delete"),
    },
    # Editors keep the directory the Statement describes; they read the Statement's drafts.
    DIRECTORY_EDITOR: {**_EDITOR, "portal.statement": VIEW, "portal.statementsection": VIEW},
    # A provider's new listings and its edits to published ones wait for an editor's approval
    # (directory.approvals); it sees its own changes in the queue, and decides none.
    PROVIDER: {
        "directory.provider": VIEW,
        "directory.service": ("view", "add", "change"),
        "directory.session": ALL,
        "directory.servicelocation": ALL,
        "directory.venue": ("view", "add"),
        "directory.proposedchange": VIEW,
        "short_notice.shortnoticeplace": ("view", "add", "change"),
        # To pick from the council's lists when describing a service or venue.
        **{f"directory.{term}": VIEW for term in ("need", "breakkind", "locality")},
        "directory.accessibilityfeature": VIEW,
    },
}


def codenames(role: str) -> set[tuple[str, str]]:
    """(app label, codename) of every permission the role has."""
    return {
        (label.split(".")[0], f"{action}_{label.split('.')[1]}")
        for label, actions in MATRIX[role].items()
        for action in actions
    }


def sync_roles(group_model, permission_model) -> None:
    """Create the roles' groups and give each exactly its permissions (idempotent). Takes the
    models so that a migration can pass its historical ones."""
    for role in ROLES:
        group, _ = group_model.objects.get_or_create(name=role)
        wanted = codenames(role)
        found = [
            permission
            for permission in permission_model.objects.select_related("content_type")
            if (permission.content_type.app_label, permission.codename) in wanted
        ]
        group.permissions.set(found)


def has_role(user, role: str) -> bool:
    return user.is_active and user.groups.filter(name=role).exists()


def acts_for_providers(user) -> bool:
    """A provider user: sees and edits only the records of the providers they are linked to.
    Anyone who is also an editor, a commissioner or a superuser sees everything. Asked many
    times while one admin page is made, so kept on the user (a new one each request)."""
    if not user.is_active or user.is_superuser:
        return False
    if not hasattr(user, "_acts_for_providers"):
        names = set(user.groups.values_list("name", flat=True))
        user._acts_for_providers = PROVIDER in names and not names & {
            COMMISSIONER,
            DIRECTORY_EDITOR,
        }
    return user._acts_for_providers


def role_groups():
    """The roles' groups: all a commissioner may give, so that no one but a superuser can
    give a power the roles do not have."""
    return Group.objects.filter(name__in=ROLES)


def users_managed_by(actor):
    """The accounts actor may change, set the password of or delete. A superuser manages
    everyone. Anyone else manages their own account (portal.staff_admin keeps its role out of
    reach) and the people whose every power comes from the roles: not superusers, with no
    individual permission and no group but a role's. Whoever can set someone's password can
    sign in as them, so managing must never reach past what the roles give."""
    users = get_user_model().objects.all()
    if actor.is_superuser:
        return users
    beyond_the_roles = users.filter(
        Q(is_superuser=True)
        | Q(user_permissions__isnull=False)
        | Q(groups__in=Group.objects.exclude(name__in=ROLES))
    ).exclude(pk=actor.pk)
    return users.exclude(pk__in=beyond_the_roles.values("pk"))


def may_manage(actor, target) -> bool:
    """Whether actor may change, set the password of or delete target (users_managed_by)."""
    return actor.is_superuser or users_managed_by(actor).filter(pk=target.pk).exists()
