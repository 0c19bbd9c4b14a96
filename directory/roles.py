"""The back office's roles: groups with model permissions, kept in step with MATRIX.

docs/roles.md shows the same matrix for people. A superuser can do everything; everyone else
gets what their groups give. A provider user also sees only the records of the providers they
are linked to (directory.admin), whatever the matrix says about the model."""

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
)

_EDITOR = {
    **{f"directory.{model}": ALL for model in DIRECTORY_RECORDS + DIRECTORY_LISTS},
    "directory.problemreport": ("view", "change"),
    "directory.proposedchange": ("view", "approve"),
    "directory.council": VIEW,
    "directory.postcode": VIEW,
    "directory.reviewreminder": VIEW,
}

MATRIX: dict[str, dict[str, tuple[str, ...]]] = {
    COMMISSIONER: {
        **_EDITOR,
        "directory.council": ("view", "change"),
        "directory.problemreport": ("view", "change", "delete"),
        "eligibility.ruleset": ALL,
        "eligibility.rulesetpassport": ALL,
        "eligibility.rulesetcase": ALL,
        "eligibility.checkrecord": VIEW,
        "auth.user": ALL,
        "auth.group": VIEW,
        "portal.statement": (*ALL, "publish"),
        "portal.statementsection": ALL,
        "portal.report": VIEW,
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
