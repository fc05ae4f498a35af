from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Allgemeine Seiten"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here: Wagtail's admin widgets need the app registry to be ready.
        from cms.admin_csp import start_choosers_from_data_attributes

        start_choosers_from_data_attributes()
