"""Signal receivers of the learning app, connected in LearningConfig.ready().

``post_delete`` of H5PContent (sent by Django when a snippet is deleted in the admin or by code):
removes the content's extracted files from media storage after the transaction commits.
"""

from django.db import transaction


def delete_h5p_files(sender, instance, **kwargs) -> None:
    from learning.h5p import delete_content_files

    transaction.on_commit(lambda: delete_content_files(instance))
