from types import SimpleNamespace

import pytest
from taggit.models import Tag

from forum.models import Forum, ForumIndexPage, Post
from toolkits.models import ToolkitLibraryPage

from ..blog.conftest import make_post
from ..forum.conftest import established, make_topic
from ..toolkits.conftest import make_toolkit

__all__ = ["make_post", "make_topic", "make_toolkit", "established"]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def forums(network):
    index = network.home.add_child(
        instance=ForumIndexPage(title="Forums", slug="forums")
    )
    return SimpleNamespace(
        index=index,
        public=Forum.objects.create(name="Forest", slug="forest"),
        members=Forum.objects.create(
            name="Members lounge", slug="lounge", visibility=Forum.Visibility.MEMBERS
        ),
        focal=Forum.objects.create(
            name="Focal points", slug="focal", visibility=Forum.Visibility.FOCAL_POINTS
        ),
    )


@pytest.fixture
def library(network) -> ToolkitLibraryPage:
    return network.home.add_child(
        instance=ToolkitLibraryPage(title="Toolkits", slug="toolkits")
    )


@pytest.fixture
def writer(db):
    return established(username="writer", display_name="Ada Writer")


@pytest.fixture
def forest_tag(db) -> Tag:
    return Tag.objects.create(name="Forest", slug="forest")


def reply(topic, author, text: str, number: int | None = None, **flags) -> Post:
    """A reply saved through the ORM (so Wagtail's index signal handlers run)."""
    number = number or (topic.posts.count() + 1)
    return Post.objects.create(
        topic=topic,
        number=number,
        author=author,
        raw=text,
        html=f"<p>{text}</p>",
        **flags,
    )
