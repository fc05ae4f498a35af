from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from cms.admin_views import restore_revision_of_scheduled_page


@hooks.register("insert_global_admin_js")
def admin_widget_starter():
    return format_html('<script src="{}"></script>', static("lernhafen/js/admin-boot.js"))


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
