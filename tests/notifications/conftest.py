from ..forum.conftest import author, forums  # noqa: F401 - shared fixtures
from ..toolkits.conftest import library  # noqa: F401 - shared fixture
