from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Kurse und Anleitungen"
    default_auto_field = "django.db.models.BigAutoField"
