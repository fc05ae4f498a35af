"""Signal receivers of the learning app, connected in LearningConfig.ready().

``post_delete`` of H5PContent (sent by Django when a snippet is deleted in the admin or by code):
removes the content's extracted files from media storage after the transaction commits.
"""

from django.db import transaction

from learning.h5p import delete_content_files


def delete_h5p_files(sender, instance, **kwargs) -> None:
    transaction.on_commit(lambda: delete_content_files(instance))
