from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Kurse und Anleitungen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here, not at the top: queries imports the models, which need a ready app
        # registry. Importing it registers each page type's context builder (page_context.py).
        from courses import queries  # noqa: F401
