"""Restoring an old revision of a page whose change is scheduled (issue 16 item 8).

Wagtail locks a scheduled page, and its restore first needs "Geplante Veröffentlichung aufheben",
which silently throws the scheduled change away. The editor now chooses what happens to it.
"""

from __future__ import annotations

import datetime

import pytest

from tests.factories.courses import TutorialIndexPageFactory, TutorialPageFactory

GO_LIVE = datetime.datetime(2031, 3, 4, 9, 30, tzinfo=datetime.UTC)


@pytest.fixture
def scheduled_tutorial(home, admin_user):
    """Published "Fotos teilen"; a change to "Fotos sicher teilen" is scheduled for 4.3.2031."""
    tutorial = TutorialPageFactory(
        parent=TutorialIndexPageFactory(parent=home), title="Fotos teilen"
    )
    first = tutorial.save_revision(user=admin_user)
    first.publish(user=admin_user)
    tutorial.title = "Fotos sicher teilen"
    tutorial.go_live_at = GO_LIVE
    tutorial.save_revision(user=admin_user).publish(user=admin_user)
    assert fresh(tutorial).scheduled_revision is not None
    return fresh(tutorial), first


def fresh(page):
    # Page.scheduled_revision is a cached property: read the page again after a change.
    return type(page).objects.get(pk=page.pk)


def restore_url(page, revision) -> str:
    return f"/admin/pages/{page.pk}/revisions/{revision.pk}/revert/"


def test_restoring_asks_what_happens_to_the_scheduled_change(admin_client, scheduled_tutorial):
    tutorial, first = scheduled_tutorial
    response = admin_client.get(restore_url(tutorial, first))
    html = response.content.decode()
    assert response.status_code == 200
    assert "am 04.03.2031, 10:30 Uhr veröffentlicht" in html  # local time, Europe/Berlin
    assert "Durch die wiederhergestellte Version ersetzen" in html
    assert "Geplante Veröffentlichung aufheben und die Version als Entwurf wiederherstellen" in html


def test_restoring_can_replace_the_scheduled_change_and_keep_its_date(
    admin_client, scheduled_tutorial
):
    tutorial, first = scheduled_tutorial
    response = admin_client.post(
        restore_url(tutorial, first), {"geplante_aenderung": "behalten"}, follow=True
    )
    tutorial = fresh(tutorial)
    scheduled = tutorial.scheduled_revision
    assert scheduled.as_object().title == "Fotos teilen"
    assert scheduled.approved_go_live_at == GO_LIVE
    assert tutorial.title == "Fotos teilen"  # live content unchanged until the date
    assert tutorial.revisions.filter(approved_go_live_at__isnull=False).count() == 1
    assert tutorial.revisions.filter(content__title="Fotos sicher teilen").exists()
    assert "wie geplant am 04.03.2031, 10:30 Uhr veröffentlicht" in response.content.decode()


def test_restoring_can_cancel_the_schedule_and_restore_a_draft(admin_client, scheduled_tutorial):
    tutorial, first = scheduled_tutorial
    response = admin_client.post(
        restore_url(tutorial, first), {"geplante_aenderung": "aufheben"}, follow=True
    )
    tutorial = fresh(tutorial)
    assert tutorial.scheduled_revision is None
    assert tutorial.get_latest_revision().as_object().title == "Fotos teilen"
    assert tutorial.revisions.filter(content__title="Fotos sicher teilen").exists()
    html = response.content.decode()
    assert "geplante Veröffentlichung ist aufgehoben" in html
    # The edit form is open again: no schedule lock.
    assert "Fotos teilen" in html and "gesperrt" not in html


def test_restoring_without_a_choice_says_what_is_missing_and_changes_nothing(
    admin_client, scheduled_tutorial
):
    tutorial, first = scheduled_tutorial
    revisions = tutorial.revisions.count()
    response = admin_client.post(restore_url(tutorial, first), {})
    assert response.status_code == 400
    assert "Bitte wählen Sie, was mit der geplanten Änderung geschehen soll." in (
        response.content.decode()
    )
    tutorial = fresh(tutorial)
    assert tutorial.revisions.count() == revisions
    assert tutorial.scheduled_revision.approved_go_live_at == GO_LIVE


def test_restoring_a_page_without_schedule_is_wagtails_own_restore(admin_client, home):
    tutorial = TutorialPageFactory(parent=TutorialIndexPageFactory(parent=home), title="Alt")
    first = tutorial.save_revision()
    first.publish()
    response = admin_client.get(restore_url(tutorial, first))
    assert response.status_code == 200
    assert "Was soll mit der geplanten Änderung geschehen?" not in response.content.decode()
    assert 'id="id_title"' in response.content.decode()
