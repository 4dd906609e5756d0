from tests.cooperation.conftest import subjects  # noqa: F401
from tests.forum.conftest import forums  # noqa: F401
from tests.toolkits.conftest import _media_in_tmp, library  # noqa: F401
