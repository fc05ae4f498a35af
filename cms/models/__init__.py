from .pages import ContentPage, FormField, FormPage, HomePage, HomePageFeaturedTutorial
from .settings import SiteSettings

__all__ = [
    "ContentPage",
    "FormField",
    "FormPage",
    "HomePage",
    "HomePageFeaturedTutorial",
    "SiteSettings",
]
