# The learning fixtures (course, lernpass, lernpass_client, teacher) are shared with tests/learning.
from tests.learning.conftest import course, lernpass, lernpass_client, teacher  # noqa: F401
