from django.apps import AppConfig
from django.db.models.signals import post_delete


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = "Lernen und Übungen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here, not at the top: models can only be imported once the app registry is
        # ready, and this module is loaded before that.
        from learning.models import H5PContent
        from learning.signals import delete_h5p_files

        post_delete.connect(delete_h5p_files, sender=H5PContent, dispatch_uid="learning-h5p-files")
