"""Snippet admin whose every view asks the model's permission policy which rows a user may see.

Wagtail's generic snippet views check a blanket model permission, but several of them load
objects without asking about the instance (inspect, history, usage, copy), the choosers check
only admin access, and the bulk actions list every requested row by name. Apps whose snippets
hold scoped or personal data register a permission policy for the model
(`wagtail.permissions.register_permission_policy`, with `instances_user_has_any_permission_for`
and `user_has_permission_for_instance`) and use `ScopedSnippetViewSet`: then every listing,
search, chooser, bulk action and object view answers only with rows that policy grants, and
any other row is a 404 — one rule, not a check per URL.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_list_or_404
from wagtail import hooks
from wagtail.coreutils import resolve_model_string
from wagtail.permissions import policy_registry
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

# A row shows up in listings and object views if the user may do any of these with it.
SEE_ACTIONS = ("view", "change", "delete")
# Choosers also offer rows a policy grants "choose" (e.g. content picked into pages by editors).
CHOOSE_ACTIONS = ("choose", *SEE_ACTIONS)


def visible_to(user, model, actions=SEE_ACTIONS) -> QuerySet:
    """The rows of `model` the registered permission policy lets `user` see."""
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(user, actions)


def restrict(queryset: QuerySet, user, actions=SEE_ACTIONS) -> QuerySet:
    """`queryset` narrowed to the rows the policy grants `user`.

    A blanket grant (the whole table) or none at all adds no filter on the primary key, so
    the search backend can still search models that do not index their "id".
    """
    visible = visible_to(user, queryset.model, actions)
    if visible.query.is_empty():
        return queryset.none()
    if not visible.query.where:
        return queryset
    return queryset.filter(pk__in=visible.order_by().values("pk"))


class PolicyScopedViewMixin:
    """Mixed into every view of a scoped viewset: objects outside the policy's rows are 404.

    Covers the hooks Wagtail's generic views load data through: `get_object` (edit, delete,
    copy, inspect, history, usage, revisions, chosen), `get_objects` (chosen multiple),
    `get_object_list` (choosers and their search) and `get_base_queryset` (listing and search).
    """

    scope_actions = SEE_ACTIONS

    @property
    def scoped_model(self):
        return resolve_model_string(self.model)

    def _restrict(self, queryset: QuerySet) -> QuerySet:
        return restrict(queryset, self.request.user, self.scope_actions)

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        model = self.scoped_model
        if (
            obj is not None
            and not self._restrict(model._default_manager.filter(pk=obj.pk)).exists()
        ):
            raise Http404
        return obj

    def get_objects(self, *args, **kwargs):
        return self._restrict(super().get_objects(*args, **kwargs))

    def get_object_list(self, *args, **kwargs):
        return self._restrict(super().get_object_list(*args, **kwargs))

    def get_base_queryset(self, *args, **kwargs):
        queryset = super().get_base_queryset(*args, **kwargs)
        # History and usage views list log entries and references, scoped by get_object.
        if getattr(queryset, "model", None) is self.scoped_model:
            queryset = self._restrict(queryset)
        return queryset


def _scoped(view_class, actions):
    if issubclass(view_class, PolicyScopedViewMixin):
        return view_class
    return type(
        f"Scoped{view_class.__name__}",
        (PolicyScopedViewMixin, view_class),
        {"scope_actions": actions},
    )


class ChooseOnlyMixin:
    """Choosers only choose: new rows come from the snippet's add view or the app's own forms,
    never from a form in the modal that would skip their rules."""

    def can_create(self):
        return False


class ScopedChooserViewSet(SnippetChooserViewSet):
    def construct_view(self, view_class, **kwargs):
        view_class = type(view_class.__name__, (ChooseOnlyMixin, view_class), {})
        return super().construct_view(_scoped(view_class, CHOOSE_ACTIONS), **kwargs)


class ScopedSnippetViewSet(SnippetViewSet):
    """A SnippetViewSet whose views, chooser and bulk actions all go through the policy."""

    chooser_viewset_class = ScopedChooserViewSet

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(_scoped(view_class, SEE_ACTIONS), **kwargs)


class ScopedDeleteBulkAction(DeleteBulkAction):
    """Bulk delete that never even names a row the policy does not let the user delete."""

    def get_queryset(self, model, object_ids):
        # An instance method (the base class has a classmethod): the request's user decides.
        rows = model._default_manager.filter(pk__in=object_ids)
        return get_list_or_404(restrict(rows, self.request.user, ("delete",)))


# Registered after Wagtail's own delete action (order 0), so it replaces it for every snippet.
hooks.register("register_bulk_action", ScopedDeleteBulkAction, order=100)
