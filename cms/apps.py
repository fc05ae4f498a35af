from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Allgemeine Seiten"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here: Wagtail's admin widgets and comparisons need the app registry ready.
        from cms.admin_csp import start_choosers_from_data_attributes
        from cms.cache import connect_signals
        from cms.compare import register_german_comparisons

        register_german_comparisons()
        start_choosers_from_data_attributes()
        connect_signals()
