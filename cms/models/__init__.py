from .pages import ContentPage, FormField, FormPage, HomePage
from .settings import SiteSettings

__all__ = ["ContentPage", "FormField", "FormPage", "HomePage", "SiteSettings"]
