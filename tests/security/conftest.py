# The learning fixtures (course, lernpass, lernpass_client) are shared with tests/learning.
from tests.learning.conftest import course, lernpass, lernpass_client  # noqa: F401
