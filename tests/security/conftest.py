from tests.cooperation.conftest import subjects  # noqa: F401
from tests.forum.conftest import forums  # noqa: F401
