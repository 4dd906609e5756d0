import pytest
from taggit.models import Tag
from wagtail.models import WorkflowState
from wagtail.test.utils import WagtailPageTestCase

from blog.models import BlogPostPage
from community.models import CountryPage, RegionPage
from home.models import HomePage

from ..factories import UserFactory, make_post

pytestmark = pytest.mark.shared_world("people")


class BlogPlacementTests(WagtailPageTestCase):
    def test_news_posts_live_under_countries_only(self):
        self.assertCanCreateAt(CountryPage, BlogPostPage)
        self.assertCanNotCreateAt(RegionPage, BlogPostPage)
        self.assertCanNotCreateAt(HomePage, BlogPostPage)
        self.assertCanNotCreateAt(BlogPostPage, BlogPostPage)


@pytest.fixture
def forest(db):
    return Tag.objects.create(name="Forest", slug="forest")


@pytest.mark.smoke
def test_post_knows_its_country_and_region(network):
    post = make_post(network.benin, 1)
    assert post.country.pk == network.benin.pk
    assert post.region.pk == network.africa.pk
    assert post.url_path.endswith("/africa/benin/news-1/")


def test_post_page_renders_with_authors_tags_and_feed_links(client, network, forest):
    author = UserFactory(display_name="Aïcha Dossou")
    make_post(network.benin, 1, tags=[forest], author=author, language="fr")
    html = client.get("/africa/benin/news-1/").content.decode()
    assert "News 1" in html and "Aïcha Dossou" in html
    assert 'href="/tags/forest/"' in html
    assert 'lang="fr"' in html
    assert 'type="application/rss+xml"' in html


@pytest.mark.smoke
def test_country_region_and_home_list_news_newest_first(client, network):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    make_post(network.benin, 1, published_at=now - timedelta(days=2))
    make_post(network.benin, 2, published_at=now - timedelta(days=1))
    make_post(network.fiji, 3, published_at=now)
    benin = client.get("/africa/benin/").content.decode()
    assert benin.index("News 2") < benin.index("News 1")
    assert "News 3" not in benin
    africa = client.get("/africa/").content.decode()
    assert "News 1" in africa and "News 3" not in africa
    home = client.get("/").content.decode()
    assert home.index("News 3") < home.index("News 2") < home.index("News 1")
    assert "Fiji" in home  # country badge


def test_unpublished_posts_are_not_listed(client, network):
    post = make_post(network.benin, 1)
    post.unpublish()
    assert "News 1" not in client.get("/africa/benin/").content.decode()
    assert client.get("/africa/benin/news-1/").status_code == 404


@pytest.mark.parametrize("page_param", ["abc", "0", "-1", "999", "2" * 30])
def test_bad_page_numbers_show_a_valid_page(client, network, page_param):
    for n in range(15):
        make_post(network.benin, n)
    response = client.get(f"/africa/benin/?page={page_param}")
    assert response.status_code == 200
    assert "News" in response.content.decode()


def test_pagination_splits_country_news(client, network):
    for n in range(15):
        make_post(network.benin, n)
    first = client.get("/africa/benin/").content.decode()
    second = client.get("/africa/benin/?page=2").content.decode()
    assert "Page 1 of 2" in first and "Page 2 of 2" in second
    assert first.count('class="news-item"') == 12
    assert second.count('class="news-item"') == 3


def test_tag_page_lists_everything_with_the_tag(client, network, forest):
    make_post(network.benin, 1, tags=[forest])
    make_post(network.fiji, 2)
    html = client.get("/tags/forest/").content.decode()
    assert "News 1" in html and "News 2" not in html
    assert "/feeds/tags/forest.rss" in html


def test_unknown_tag_is_404(client, network):
    assert client.get("/tags/no-such-tag/").status_code == 404


# Publishing rights: the workflow of a national space.


def _news_form(slug: str, action: str) -> dict:
    return {
        "title": "A national story",
        "slug": slug,
        "published_at": "2026-11-01 10:00",
        "intro": "What happened.",
        "body-count": "0",
        "tags": "",
        "language": "en",
        "post_authors-TOTAL_FORMS": "0",
        "post_authors-INITIAL_FORMS": "0",
        "post_authors-MIN_NUM_FORMS": "0",
        "post_authors-MAX_NUM_FORMS": "1000",
        action: action.removeprefix("action-"),
    }


def _add_url(country) -> str:
    return f"/admin/pages/add/blog/blogpostpage/{country.pk}/"


def test_focal_point_publishes_news_in_their_country(client, people, network):
    client.force_login(people.focal_benin)
    response = client.post(
        _add_url(network.benin), _news_form("story", "action-publish")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    post = BlogPostPage.objects.get(slug="story")
    assert post.live and post.country.pk == network.benin.pk


def test_focal_point_of_benin_cannot_publish_under_kenya(client, people, network):
    client.force_login(people.focal_benin)
    response = client.post(
        _add_url(network.kenya), _news_form("story", "action-publish")
    )
    assert response.status_code in (302, 403)
    assert not BlogPostPage.objects.filter(slug="story").exists()


def test_national_editor_post_waits_for_the_focal_point(client, people, network):
    client.force_login(people.editor_benin)
    response = client.post(
        _add_url(network.benin), _news_form("draft", "action-submit")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    post = BlogPostPage.objects.get(slug="draft")
    assert not post.live
    state = WorkflowState.objects.get(
        base_content_type__model="page", object_id=str(post.pk)
    )
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task = state.current_task_state.task.specific
    assert task.groups.filter(pk=network.benin.focal_point_group_id).exists()

    # An editor cannot publish it; the focal point of Kenya cannot approve it.
    assert not post.permissions_for_user(people.editor_benin).can_publish()
    assert task.get_actions(post, people.focal_kenya) == []

    # The focal point of Benin approves: the post is published.
    actions = [name for name, *_ in task.get_actions(post, people.focal_benin)]
    assert "approve" in actions
    task.on_action(state.current_task_state, people.focal_benin, "approve")
    post.refresh_from_db()
    assert post.live


def test_editor_cannot_publish_directly(client, people, network):
    client.force_login(people.editor_benin)
    client.post(_add_url(network.benin), _news_form("sneaky", "action-publish"))
    post = BlogPostPage.objects.filter(slug="sneaky").first()
    assert post is None or not post.live
