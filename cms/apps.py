from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Allgemeine Seiten"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.compare import register_german_comparisons

        register_german_comparisons()
