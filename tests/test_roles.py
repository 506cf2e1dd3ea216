"""Japanese roles: 編集者 edit and submit, 承認者 approve and publish (イグレン承認フロー)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from pages.models import EventIndexPage, EventPage, HomePage
from pages.roles import APPROVERS, EDITORS, WORKFLOW

pytestmark = pytest.mark.django_db


def member(name, group):
    user = get_user_model().objects.create_user(name, password=f"pw-{name}-1")
    user.groups.add(Group.objects.get(name=group))
    return user


def test_editors_edit_and_submit_but_do_not_publish(client):
    editor = member("henshu", EDITORS)
    event = EventPage.objects.live().first()
    permissions = event.permissions_for_user(editor)
    assert permissions.can_edit()
    assert permissions.can_add_subpage() is False  # an event has no subpages
    assert EventIndexPage.objects.get().permissions_for_user(editor).can_add_subpage()
    assert not permissions.can_publish()
    client.force_login(editor)
    assert client.get(f"/admin/pages/{event.pk}/edit/").status_code == 200
    # Venues, organisations and categories: from the page's chooser too.
    assert client.get("/admin/snippets/igren_snippets/venue/add/").status_code == 200
    assert client.get("/admin/snippets/igren_snippets/organisation/").status_code == 200
    assert client.get("/admin/images/multiple/add/").status_code == 200
    # Not the users or the settings.
    assert client.get("/admin/users/").status_code in (302, 403)


def test_approvers_publish_and_the_workflow_goes_to_them():
    approver = member("shonin", APPROVERS)
    event = EventPage.objects.live().first()
    assert event.permissions_for_user(approver).can_publish()
    workflow = event.get_workflow()
    assert workflow is not None and workflow.name == WORKFLOW
    (task,) = [t.specific for t in workflow.tasks]
    assert list(task.groups.values_list("name", flat=True)) == [APPROVERS]
    assert HomePage.objects.get().get_workflow().name == WORKFLOW


def test_setting_up_again_changes_nothing():
    from pages.roles import ensure_roles

    before = {g.name: g.permissions.count() for g in Group.objects.all()}
    ensure_roles()
    ensure_roles()
    assert {g.name: g.permissions.count() for g in Group.objects.all()} == before
