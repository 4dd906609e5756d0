"""News raises one event: a post published for the first time (blog.signals).
Its fan-out is queued once the publication has committed; the kind of
notification it creates is registered from `BlogConfig.ready()`."""

from django.utils.translation import gettext_lazy as _

from notifications.events import after_commit
from notifications.kinds import register_kind

NEWS = "news"


def register_kinds() -> None:
    register_kind(NEWS, _("New national news"), order=10)


def news_published(page_id: int) -> None:
    from . import tasks

    after_commit(tasks.news_published, page_id)
