"""Japanese roles and the approval workflow, set up by the plugin (idempotent).

- 編集者 (editors): use the admin; add and edit Igren pages and submit them for approval;
  manage venues, organisations and categories; upload and choose images and documents.
- 承認者 (approvers): everything editors may, plus publish, and approve or reject what editors
  submit.
- イグレン承認フロー: one task, 承認者による承認, assigned to every Igren home page, so every
  Igren page an editor submits goes to the approvers, and to meeting rules (例会ルール), so a
  whole 年度 of meetings is approved in one step.

`ensure_roles()` runs after every `migrate` (post_migrate) and whenever an Igren home page is
created (demo loader, admin), so a new site and a new home get the same setup. Existing groups
and workflows of a host are left as they are; only these names are created or completed.
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Task,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from igren_cms.conf import japanese_wagtail_defaults as japanese_wagtail_defaults_enabled
from pages.models import HomePage, MeetingRule

EDITORS = "編集者"
APPROVERS = "承認者"
WORKFLOW = "イグレン承認フロー"
TASK = "承認者による承認"

MODEL_PERMISSIONS = {
    EDITORS: [
        ("wagtailadmin", "access_admin"),
        *(
            ("igren_snippets", f"{action}_{model}")
            for model in ("venue", "organisation", "category")
            for action in ("add", "change", "delete", "view")
        ),
    ],
}
MODEL_PERMISSIONS[EDITORS] += [
    ("igren_pages", f"{action}_meetingrule") for action in ("add", "change", "view")
]
MODEL_PERMISSIONS[APPROVERS] = [
    *MODEL_PERMISSIONS[EDITORS],
    ("igren_pages", "publish_meetingrule"),
    ("igren_pages", "delete_meetingrule"),
]
COLLECTION_PERMISSIONS = {
    EDITORS: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
    ],
    APPROVERS: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ],
}
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    APPROVERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}


def _permission(app_label, codename):
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


@transaction.atomic
def ensure_roles():
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (EDITORS, APPROVERS)}
    root_collection = Collection.get_first_root_node()
    for name, group in groups.items():
        wanted = [p for p in (_permission(*key) for key in MODEL_PERMISSIONS[name]) if p]
        group.permissions.add(*wanted)
        if root_collection is not None:
            for key in COLLECTION_PERMISSIONS[name]:
                permission = _permission(*key)
                if permission is not None:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )
    homes = list(HomePage.objects.all())
    for name, group in groups.items():
        for home in homes:
            for codename in PAGE_PERMISSIONS[name]:
                permission = _permission("wagtailcore", codename)
                if permission is not None:
                    GroupPagePermission.objects.get_or_create(
                        group=group, page=home, permission=permission
                    )

    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK)
    task.groups.add(groups[APPROVERS])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for home in homes:
        WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
    # A meeting rule (a whole 年度 of meetings) goes to the same approvers.
    WorkflowContentType.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(MeetingRule),
        defaults={"workflow": workflow},
    )


# Wagtail's own migrations create these (English names shown in the admin). With
# IGREN_JAPANESE_WAGTAIL_DEFAULTS (the standalone site sets it) they get Japanese names; a host
# that refers to them by name leaves the setting off.
WAGTAIL_DEFAULT_GROUPS = {
    "Editors": "編集者（Wagtail標準）",
    "Moderators": "モデレーター（Wagtail標準）",
}
WAGTAIL_DEFAULT_WORKFLOW = {"Moderators approval": "モデレーターによる承認（Wagtail標準）"}


def japanese_wagtail_defaults():
    if not japanese_wagtail_defaults_enabled():
        return
    for old, new in WAGTAIL_DEFAULT_GROUPS.items():
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)
    for old, new in WAGTAIL_DEFAULT_WORKFLOW.items():
        Workflow.objects.filter(name=old).update(name=new)
        Task.objects.filter(name=old).update(name=new)


def after_migrate(sender, **kwargs):
    """post_migrate is sent once per app; act on the last one, when every app's permissions
    (created by their own post_migrate handlers) exist."""
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if with_models and sender is with_models[-1]:
        ensure_roles()
        japanese_wagtail_defaults()
