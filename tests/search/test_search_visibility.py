import pytest
from django.utils.html import strip_tags

from forum.models import Post, Topic
from forum.search_kind import post_queryset
from search.queries import SearchParams, match

from ..factories import UserFactory, add_post, make_post, make_toolkit, make_topic

pytestmark = pytest.mark.shared_world("forums", "library", "people")


def kinds_found(client, user, query: str) -> dict[str, list[str]]:
    if user is not None:
        client.force_login(user)
    response = client.get(f"/search/?q={query}")
    assert response.status_code == 200
    found: dict[str, list[str]] = {}
    for hit in response.context["results"].hits:
        found.setdefault(hit.kind, []).append(strip_tags(hit.title))
    return found


@pytest.fixture
def hidden_things(network, forums, writer, library):
    make_topic(forums.public, writer, title="Quokka public topic")
    make_topic(forums.members, writer, title="Quokka members topic")
    make_topic(forums.focal, writer, title="Quokka focal topic")
    public = make_topic(forums.public, writer, title="Open discussion")
    add_post(public, writer, "Quokka reply shown")
    add_post(public, writer, "Quokka reply hidden", is_hidden=True)
    add_post(public, writer, "Quokka reply held", is_held=True)
    add_post(public, writer, "Quokka reply deleted", is_deleted=True)
    draft = make_post(network.benin, 1, intro="Quokka draft news")
    draft.unpublish()
    make_toolkit(library, 1, summary="Quokka draft toolkit", live=False)
    make_post(network.benin, 2, intro="Quokka live news")
    return public


@pytest.mark.parametrize(
    ("role", "topics", "posts"),
    [
        ("anonymous", {"Quokka public topic"}, 1),
        ("member", {"Quokka public topic", "Quokka members topic"}, 1),
        (
            "focal_benin",
            {"Quokka public topic", "Quokka members topic", "Quokka focal topic"},
            1,
        ),
        (
            "moderator",
            {"Quokka public topic", "Quokka members topic", "Quokka focal topic"},
            4,
        ),
    ],
)
def test_visibility_per_role(client, people, hidden_things, role, topics, posts):
    user = None if role == "anonymous" else getattr(people, role)
    found = kinds_found(client, user, "quokka")
    assert set(found.get("topic", [])) == topics
    assert len(found.get("post", [])) == posts
    assert found["news"] == ["News 2"]  # never the unpublished one
    assert "toolkit" not in found
    body = client.get("/search/?q=quokka").content.decode()
    if role != "moderator":
        assert "reply hidden" not in body and "reply held" not in body
        assert "reply deleted" not in body


def test_authors_still_find_their_own_held_post(client, people, hidden_things, writer):
    found = kinds_found(client, writer, "quokka")
    assert len(found["post"]) == 3  # shown, hidden, held; never deleted


def test_posts_of_hidden_topics_and_closed_forums_stay_hidden(
    client, people, forums, writer
):
    focal_topic = make_topic(forums.focal, writer, title="Private")
    add_post(focal_topic, writer, "Wombat secret")
    hidden_topic = make_topic(forums.public, writer, title="Gone", is_hidden=True)
    add_post(hidden_topic, writer, "Wombat hidden topic")
    assert kinds_found(client, people.member, "wombat") == {}
    assert len(kinds_found(client, people.moderator, "wombat")["post"]) == 2


def test_facets_and_suggestions_leak_nothing(client, people, forums, writer):
    make_topic(forums.focal, writer, title="Numbat plans")
    response = client.get("/search/?q=numbat")
    assert response.context["results"].total == 0
    assert "Focal points" not in response.content.decode()
    assert client.get("/search/suggest/?q=numb").json()["results"] == []
    client.force_login(people.focal_benin)
    titles = [
        r["title"] for r in client.get("/search/suggest/?q=numb").json()["results"]
    ]
    assert titles == ["Numbat plans"]
    # A forum filter on a forum one cannot see is dropped, with a note.
    client.logout()
    found = client.get("/search/?q=numbat&forum=focal").context["results"]
    assert found.total == 0 and found.notes


def anonymous_posts(text: str) -> int:
    from django.contrib.auth.models import AnonymousUser

    return match(
        post_queryset(AnonymousUser(), SearchParams()), text, ranked=False
    ).count()


def test_the_index_follows_edits_hides_and_deletes(forums, writer):
    topic = make_topic(forums.public, writer, title="Index follows")
    post = add_post(topic, writer, "Axolotl habitat")
    assert anonymous_posts("axolotl") == 1
    post.raw = "Salamander habitat"
    post.html = "<p>Salamander habitat</p>"
    post.save()
    assert anonymous_posts("axolotl") == 0
    assert anonymous_posts("salamander") == 1
    # Moderation uses QuerySet.update(): no signal, filtered at query time.
    Post.objects.filter(pk=post.pk).update(is_hidden=True)
    assert anonymous_posts("salamander") == 0
    Post.objects.filter(pk=post.pk).update(is_hidden=False)
    assert anonymous_posts("salamander") == 1
    Topic.objects.filter(pk=topic.pk).update(is_deleted=True)
    assert anonymous_posts("salamander") == 0
    Topic.objects.filter(pk=topic.pk).update(is_deleted=False)
    post.delete()
    assert anonymous_posts("salamander") == 0
    from wagtail.search.models import IndexEntry

    assert (
        not IndexEntry.objects.filter(object_id=str(post.pk))
        .filter(content_type__model="post")
        .exists()
    )


def test_page_edits_unpublishing_and_titles_reach_the_index(client, network):
    page = make_post(network.benin, 1, intro="Okapi")
    assert client.get("/search/?q=okapi").context["results"].total == 1
    page.title = "Giraffe relatives"
    page.save_revision().publish()
    assert client.get("/search/?q=giraffe").context["results"].total == 1
    page.unpublish()
    assert client.get("/search/?q=giraffe").context["results"].total == 0
    page.delete()
    assert client.get("/search/?q=okapi").context["results"].total == 0


def test_profiles_are_indexed_as_they_are_edited(client, people, forest_tag):
    member = people.member
    member.expertise.add(forest_tag)
    member.bio = "Specialist in lichens"
    member.save()
    found = client.get("/search/?q=lichens").context["results"]
    assert [hit.kind for hit in found.hits] == ["expert"]
    member.is_active = False
    member.save()
    assert client.get("/search/?q=lichens").context["results"].total == 0


def test_experts_are_the_directory_members_only(client, people, forest_tag):
    """Who opted out of the expert directory, or declared no subject, is not
    listed as an expert by search or its suggestions either."""
    listed = UserFactory(username="listed", display_name="Quillwort Listed")
    listed.expertise.add(forest_tag)
    hidden = UserFactory(
        username="optedout", display_name="Quillwort Hidden", listed_in_directory=False
    )
    hidden.expertise.add(forest_tag)
    UserFactory(username="nosubject", display_name="Quillwort Nosubject")
    for user in (None, people.member, people.moderator, people.staff):
        if user:
            client.force_login(user)
        found = client.get("/search/?q=quillwort").context["results"]
        assert [strip_tags(hit.title) for hit in found.hits] == ["Quillwort Listed"]
        suggested = client.get("/search/suggest/?q=quillw").json()["results"]
        assert [item["title"] for item in suggested] == ["Quillwort Listed"]
    hidden.listed_in_directory = True
    hidden.save()
    assert client.get("/search/?q=quillwort").context["results"].total == 2
