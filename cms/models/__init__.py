from .pages import ContentPage, FormField, FormPage, HomePage, HomePageFeaturedTutorial
from .settings import SiteSettings

# Wagtail's default groups, renamed by migration 0005_german_group_names.
EDITORS_GROUP = "Redaktion"
MODERATORS_GROUP = "Freigabe (Moderation)"

__all__ = [
    "EDITORS_GROUP",
    "MODERATORS_GROUP",
    "ContentPage",
    "FormField",
    "FormPage",
    "HomePage",
    "HomePageFeaturedTutorial",
    "SiteSettings",
]
