from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.admin_views import EditorGuideView, restore_revision_of_scheduled_page

# Wagtail's own help links lead to English guides on guide.wagtail.org: our guide replaces them.
ENGLISH_HELP_ITEMS = {"editor-guide"}
ENGLISH_HELP_PREFIX = "whats-new-in-wagtail-"


@hooks.register("insert_global_admin_js")
def admin_widget_starter():
    # A module runs after the page is parsed, when Wagtail's own scripts have defined the widgets.
    return format_html(
        '<script type="module" src="{}"></script>', static("lernhafen/js/admin-boot.js")
    )


@hooks.register("insert_global_admin_css")
def admin_stylesheet():
    return format_html('<link rel="stylesheet" href="{}">', static("lernhafen/css/admin.css"))


@hooks.register("register_admin_urls")
def register_editor_guide_url():
    return [path("handbuch/", EditorGuideView.as_view(), name="cms_editor_guide")]


@hooks.register("register_help_menu_item")
def register_editor_guide_menu_item():
    return MenuItem(
        "Redaktionshandbuch",
        reverse("cms_editor_guide"),
        name="redaktionshandbuch",
        icon_name="help",
        order=100,
    )


@hooks.register("construct_help_menu")
def hide_english_help_links(request, menu_items):
    menu_items[:] = [
        item
        for item in menu_items
        if item.name not in ENGLISH_HELP_ITEMS and not item.name.startswith(ENGLISH_HELP_PREFIX)
    ]


@hooks.register("construct_homepage_panels")
def hide_english_release_notes(request, panels):
    # "What's new in Wagtail" links English release notes on an outside host.
    panels[:] = [panel for panel in panels if panel.name != "whats_new_in_wagtail_version"]


@hooks.register("before_edit_page")
def ask_about_the_scheduled_change_before_restoring(request, page):
    """Restoring an old revision ("revert") of a page with a scheduled change asks first.

    Without this, Wagtail's schedule lock makes the editor cancel the scheduled change before
    restoring, which throws it away without saying so.
    """
    match = request.resolver_match
    revision_id = match.kwargs.get("revision_id") if match else None
    if revision_id is None or page.scheduled_revision is None:
        return None
    return restore_revision_of_scheduled_page(request, page, revision_id)
