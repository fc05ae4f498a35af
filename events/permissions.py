"""Permission policies of the calendar's snippets: district scope; read-only where services write.

Registered for their models at the top of events/wagtail_hooks.py, so every generic admin view,
chooser and bulk action (cms.scoped_admin) asks them. The rows a user may see at all come from
the same functions the Digitallotsen workspace uses (events.workspace.permissions): Koordination
and superusers see every district, a Lotse only the districts of their profile (and only their
own profile), anyone else nothing. Model permissions still decide what a user may do with those
rows; the snippets of sessions, series and registrations are read-only for everyone, because
those are written only through events.services and the workspace services (conflict checks,
approval, the session lock, mails to registrants).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db.models import QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

from events.models import District, LotseProfile, Registration, Session, SessionSeries, Venue
from events.workspace import permissions as scope

WRITE_ACTIONS = frozenset({"add", "change", "delete", "publish", "lock", "unlock"})


class DistrictScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, limited to the rows `rows_for(user)` returns."""

    def __init__(self, model, rows_for: Callable[[object], QuerySet], *, read_only: bool = False):
        super().__init__(model)
        self.rows_for = rows_for
        self.read_only = read_only

    def user_has_permission(self, user, action):
        if self.read_only and action in WRITE_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions: Iterable[str]):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.rows_for(user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return (
            self.instances_user_has_any_permission_for(user, actions)
            .filter(pk=instance.pk)
            .exists()
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)


def own_profiles(user) -> QuerySet[LotseProfile]:
    if scope.is_coordinator(user):
        return LotseProfile.objects.all()
    if not user.is_active:
        return LotseProfile.objects.none()
    return LotseProfile.objects.filter(user=user)


POLICIES = {
    Session: DistrictScopedPermissionPolicy(Session, scope.sessions_for, read_only=True),
    SessionSeries: DistrictScopedPermissionPolicy(SessionSeries, scope.series_for, read_only=True),
    Registration: DistrictScopedPermissionPolicy(
        Registration, scope.registrations_for, read_only=True
    ),
    Venue: DistrictScopedPermissionPolicy(Venue, scope.venue_rows_for),
    District: DistrictScopedPermissionPolicy(District, scope.district_rows_for),
    LotseProfile: DistrictScopedPermissionPolicy(LotseProfile, own_profiles),
}
