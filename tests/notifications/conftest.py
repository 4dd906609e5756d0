from ..forum.conftest import author, forums  # noqa: F401 - shared fixtures
