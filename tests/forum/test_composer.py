"""The composer: preview, @mention suggestions, replies in place (htmx) and
as plain forms, quotes, and the countdown while the posting interval runs."""

import json
import re

import pytest

from forum.cooking import cook
from forum.models import Post, Topic
from forum.models.post import MAX_POST_LENGTH

from ..factories import UserFactory, established, make_topic
from ..factories import topic_url as url

pytestmark = pytest.mark.shared_world("forums")

HX = {"HTTP_HX_REQUEST": "true"}
PREVIEW = "/forums/preview/"
MENTIONS = "/forums/mentions/"


# Preview -------------------------------------------------------------------


def test_preview_is_the_html_a_post_would_get(client, forums, author):
    UserFactory(username="amina")
    member = established()
    client.force_login(member)
    text = "**Seed** banks, ask @amina.\n\n<script>alert(1)</script>\n\n> quoted"
    response = client.post(PREVIEW, {"body": text}, **HX)
    assert response.status_code == 200
    html = response.content.decode()
    assert cook(text)[0] in html
    assert "<strong>Seed</strong>" in html
    assert 'href="/members/amina/"' in html  # mentions link as in a post
    assert "<script" not in html
    assert "HX-Request" in response["Vary"]
    assert "private" in response["Cache-Control"]
    assert not Post.objects.filter(author=member).exists()


def test_preview_is_for_signed_in_members_and_posts_only(client, forums):
    assert client.post(PREVIEW, {"body": "Hello"}).status_code == 403
    client.force_login(established())
    assert client.get(PREVIEW, {"body": "Hello"}).status_code == 405


def test_preview_refuses_more_than_a_post_may_hold_with_413(client, forums):
    client.force_login(established())
    response = client.post(PREVIEW, {"body": "x" * (MAX_POST_LENGTH + 1)}, **HX)
    assert response.status_code == 413
    assert "limited to 32000 characters" in response.content.decode()
    assert client.post(PREVIEW, {"body": "x" * MAX_POST_LENGTH}).status_code == 200


def test_previews_are_rate_limited(client, forums, settings):
    settings.CHM_PREVIEW_RATE_LIMIT = "2/m"
    client.force_login(established())
    for _ in range(2):
        assert client.post(PREVIEW, {"body": "Hello"}).status_code == 200
    response = client.post(PREVIEW, {"body": "Hello"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Too many previews" in response.content.decode()


def test_preview_button_without_javascript_shows_the_preview_and_keeps_the_text(
    client, forums, author
):
    topic = make_topic(forums.public, author)
    client.force_login(established())
    response = client.post(
        f"{url(topic)}reply/", {"body": "A *careful* answer", "preview": "1"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<em>careful</em>" in html  # the preview
    assert "A *careful* answer</textarea>" in html  # the text, kept
    assert "There is a problem" not in html
    assert topic.posts.count() == 1  # nothing posted


def test_preview_without_javascript_on_a_new_topic_keeps_title_and_tags(
    client, forums, network
):
    client.force_login(established())
    from taggit.models import Tag

    Tag.objects.create(name="Forests", slug="forests")
    response = client.post(
        "/forums/forest/new/",
        {"title": "Seeds", "body": "**Heading**", "tags": ["forests"], "preview": "1"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>Heading</strong>" in html
    assert 'value="Seeds"' in html
    assert re.search(r'<option value="forests"[^>]* selected', html)
    assert not Topic.objects.exists()


def test_preview_without_javascript_says_when_the_text_is_too_long(
    client, forums, author
):
    topic = make_topic(forums.public, author)
    client.force_login(established())
    response = client.post(
        f"{url(topic)}reply/",
        {"body": "y" * (MAX_POST_LENGTH + 5), "preview": "1"},
    )
    assert "limited to 32000 characters" in response.content.decode()
    assert topic.posts.count() == 1


# @mentions -------------------------------------------------------------------


def test_mention_suggestions_need_a_signed_in_member(client, forums):
    UserFactory(username="amina")
    response = client.get(MENTIONS, {"q": "am"})
    assert response.status_code == 403
    assert json.loads(response.content)["results"] == []


def test_mention_suggestions_match_username_or_display_name_without_emails(
    client, forums
):
    UserFactory(username="amina", display_name="Amina Diallo")
    UserFactory(username="kofi", display_name="Amadou Kofi")
    UserFactory(username="bruno", display_name="Bruno")
    UserFactory(username="amelia", display_name="Gone", is_active=False)
    # The reader's own name is fixed: a random one may hold "am" too.
    client.force_login(established(display_name="Reader"))
    response = client.get(MENTIONS, {"q": "am"})
    assert response.status_code == 200
    results = json.loads(response.content)["results"]
    assert [r["username"] for r in results] == ["kofi", "amina"]
    assert results[1] == {"username": "amina", "name": "Amina Diallo"}
    body = response.content.decode()
    assert "@example.org" not in body and "email" not in body
    assert "no-store" in response["Cache-Control"]


def test_mention_suggestions_want_two_letters_and_return_eight_at_most(client, forums):
    for n in range(12):
        UserFactory(username=f"ranger{n:02d}")
    client.force_login(established())
    assert json.loads(client.get(MENTIONS, {"q": "r"}).content)["results"] == []
    results = json.loads(client.get(MENTIONS, {"q": "@ra"}).content)["results"]
    assert len(results) == 8


# Replies with and without htmx ---------------------------------------------------


def test_reply_with_htmx_answers_the_new_post_and_an_empty_composer(
    client, forums, author
):
    topic = make_topic(forums.public, author)
    member = established(display_name="Helper")
    client.force_login(member)
    response = client.post(
        f"{url(topic)}reply/", {"body": "In place **now**", "on_page": "1"}, **HX
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html  # a fragment, not the page
    assert 'hx-swap-oob="beforeend:#topic-posts"' in html
    assert 'id="post-2" tabindex="-1" data-new-post' in html
    assert "<strong>now</strong>" in html
    assert "Helper" in html
    # The composer comes back empty, ready for the next reply.
    assert re.search(r'<textarea name="body"[^>]*>\s*</textarea>', html)
    assert "HX-Request" in response["Vary"]
    assert "private" in response["Cache-Control"]
    assert topic.posts.count() == 2


def test_reply_with_htmx_from_an_earlier_page_goes_to_the_post(client, forums, author):
    topic = make_topic(forums.public, author, replies=25)
    client.force_login(established())
    response = client.post(
        f"{url(topic)}reply/", {"body": "Late answer", "on_page": "1"}, **HX
    )
    assert response.status_code == 204
    assert response["HX-Redirect"].endswith("?page=2#post-27")


def test_reply_without_htmx_redirects_as_a_plain_form(client, forums, author):
    topic = make_topic(forums.public, author)
    client.force_login(established())
    response = client.post(f"{url(topic)}reply/", {"body": "Plain answer"})
    assert response.status_code == 302
    assert response["Location"].endswith("#post-2")
    assert "HX-Request" in response["Vary"]


def test_invalid_reply_with_htmx_answers_the_form_with_its_error(
    client, forums, author
):
    topic = make_topic(forums.public, author)
    client.force_login(established())
    response = client.post(f"{url(topic)}reply/", {"body": "  "}, **HX)
    assert response.status_code == 400
    html = response.content.decode()
    assert "<html" not in html and "There is a problem" in html
    assert "data-draft-kept" in html


def test_the_topic_page_composer_posts_in_place_and_quote_links_work_without_js(
    client, forums, author
):
    topic = make_topic(forums.public, author)
    client.force_login(established())
    html = client.get(url(topic)).content.decode()
    assert f'hx-post="{url(topic)}reply/"' in html
    assert f'action="{url(topic)}reply/"' in html
    post = topic.posts.get(number=1)
    assert f'href="{url(topic)}reply/?quote={post.pk}#composer"' in html
    assert 'src="/static/js/composer.js"' in html


# Quotes ----------------------------------------------------------------------


def test_quote_prefills_the_reply_with_the_post_in_markdown(client, forums, author):
    topic = make_topic(forums.public, author)
    post = topic.posts.get(number=1)
    client.force_login(established())
    response = client.get(f"{url(topic)}reply/", {"quote": post.pk})
    html = response.content.decode()
    assert "&gt; **@author:**\n&gt; Opening post of A question" in html
    assert f'name="reply_to" value="{post.pk}"' in html
    # The same, as a fragment, for composer.js.
    fragment = client.get(f"{url(topic)}reply/", {"quote": post.pk}, **HX)
    assert "<html" not in fragment.content.decode()
    assert "&gt; **@author:**" in fragment.content.decode()


def test_quote_of_a_post_of_another_topic_is_ignored(client, forums, author):
    topic = make_topic(forums.public, author)
    other = make_topic(forums.public, author, title="Another")
    client.force_login(established())
    html = client.get(
        f"{url(topic)}reply/", {"quote": other.posts.get(number=1).pk}
    ).content.decode()
    assert "Opening post of Another" not in html


# The countdown -------------------------------------------------------------------


def test_after_a_post_the_form_counts_down_the_seconds_left(client, forums, author):
    topic = make_topic(forums.public, author)
    client.force_login(UserFactory())  # a new member: 30 seconds between posts
    assert client.post(f"{url(topic)}reply/", {"body": "First"}).status_code == 302
    html = client.get(url(topic)).content.decode()
    match = re.search(r'data-wait-seconds="(\d+)"', html)
    assert match and 25 <= int(match.group(1)) <= 30
    assert re.search(r"You can post again in \d+ seconds\.", html)
    assert "data-wait-template" in html


def test_posting_too_soon_keeps_the_text_with_a_form_error_and_the_countdown(
    client, forums, author
):
    topic = make_topic(forums.public, author)
    client.force_login(UserFactory())
    client.post(f"{url(topic)}reply/", {"body": "First"})
    response = client.post(f"{url(topic)}reply/", {"body": "Second, quickly"})
    assert response.status_code == 429
    seconds = int(response["Retry-After"])
    assert 25 <= seconds <= 30
    html = response.content.decode()
    assert f"please wait {seconds} seconds" in html  # the form error
    assert f'data-wait-seconds="{seconds}"' in html
    assert "Second, quickly</textarea>" in html
    assert topic.posts.count() == 2


def test_posting_too_soon_with_htmx_answers_429_with_the_message_in_the_form(
    client, forums, author
):
    topic = make_topic(forums.public, author)
    client.force_login(UserFactory())
    client.post(f"{url(topic)}reply/", {"body": "First", "on_page": "1"}, **HX)
    response = client.post(
        f"{url(topic)}reply/", {"body": "Again", "on_page": "1"}, **HX
    )
    assert response.status_code == 429
    html = response.content.decode()
    assert "<html" not in html
    assert "You are posting too fast" in html
    assert "data-wait-seconds" in html
    assert "Again</textarea>" in html


def test_new_topic_form_shows_the_wait_between_topics(client, forums):
    client.force_login(UserFactory())
    client.post("/forums/forest/new/", {"title": "First topic", "body": "Hello"})
    html = client.get("/forums/forest/new/").content.decode()
    match = re.search(r'data-wait-seconds="(\d+)"', html)
    assert match and 110 <= int(match.group(1)) <= 120


def test_moderators_see_no_countdown(client, people, forums, author):
    topic = make_topic(forums.public, author)
    client.force_login(people.moderator)
    client.post(f"{url(topic)}reply/", {"body": "Note"})
    assert "data-wait-seconds" not in client.get(url(topic)).content.decode()


# The tag picker ------------------------------------------------------------------


def test_new_topic_tags_are_a_select_the_tag_picker_enhances(client, forums):
    client.force_login(established())
    html = client.get("/forums/forest/new/").content.decode()
    assert re.search(r"<select[^>]*multiple[^>]*data-tag-picker", html) or re.search(
        r"<select[^>]*data-tag-picker[^>]*multiple", html
    )
    assert 'data-remove-label="Remove %(tag)s"' in html
    assert 'src="/static/js/tag-picker.js"' in html


def test_the_composer_keeps_the_language_of_the_page_it_is_on(client, forums, author):
    topic = make_topic(forums.public, author)
    client.force_login(established())
    html = client.get(f"/ar{url(topic)}").content.decode()
    assert f'hx-post="/ar{url(topic)}reply/"' in html
    assert 'hx-post="/ar/forums/preview/"' in html
    assert 'data-mention-url="/ar/forums/mentions/"' in html
    response = client.post(
        f"/ar{url(topic)}reply/", {"body": "In Arabic", "on_page": "1"}, **HX
    )
    assert "نشر الرد" in response.content.decode()  # "Post reply"
