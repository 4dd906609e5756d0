"""The forum composer in real Chromium: a reply appears in place, the preview
shows the cooked Markdown, @mention completion works from the keyboard, a
draft survives a reload, the tag picker is typed into, and replying still
works with JavaScript off."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from taggit.models import Tag

from forum.models import Forum, ForumIndexPage, Post, Topic
from forum.posting import create_topic

from ..factories import PASSWORD, UserFactory, build_network

SIGN_IN = re.compile(r"^sign in$", re.IGNORECASE)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, email):
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name=SIGN_IN).click()
    page.wait_for_url(live_server.url + "/")


@pytest.fixture
def topic_url(live_server):
    network = build_network()
    network.home.add_child(instance=ForumIndexPage(title="Forums", slug="forums"))
    forum = Forum.objects.create(name="Forest", slug="forest")
    old = timezone.now() - timedelta(days=30)
    asker = UserFactory(
        email="asker@example.org", display_name="Asker", date_joined=old
    )
    UserFactory(email="helper@example.org", display_name="Helper", date_joined=old)
    UserFactory(username="amina", display_name="Amina Diallo", date_joined=old)
    topic = create_topic(forum, asker, "Seed banks", "Who runs a seed bank?")
    return live_server.url + topic.get_absolute_url()


@pytest.fixture
def member_page(page, live_server, topic_url):
    sign_in(page, live_server, "helper@example.org")
    return page


def test_reply_appends_in_place_and_the_composer_clears(member_page, topic_url):
    page = member_page
    page.goto(topic_url)
    page.evaluate("window.stayedOnPage = true")
    page.fill("textarea[name=body]", "We do, in **Burkina Faso**.")
    page.get_by_role("button", name="Post reply").click()
    page.locator("#post-2").wait_for()
    assert page.evaluate("window.stayedOnPage") is True  # no navigation
    assert page.locator("#post-2 .post-body strong").inner_text() == "Burkina Faso"
    assert page.locator("textarea[name=body]").input_value() == ""
    # The focus moves once htmx has settled the swap (composer.js), a moment
    # after the post appears: wait for it.
    expect(page.locator("#post-2")).to_be_focused()
    assert Post.objects.filter(number=2).count() == 1
    # Quote fills the composer without a reload.
    page.locator("#post-1").get_by_role("link", name="Quote").click()
    expect(page.locator("textarea[name=body]")).to_have_value(re.compile("> "))
    assert page.evaluate("window.stayedOnPage") is True
    assert "Who runs a seed bank?" in page.input_value("textarea[name=body]")
    assert page.csp_violations == []


def test_an_empty_reply_shows_its_error_in_place(member_page, topic_url):
    page = member_page
    page.goto(topic_url)
    page.evaluate("window.stayedOnPage = true")
    page.get_by_role("button", name="Post reply").click()
    summary = page.locator("#composer .error-summary")
    summary.wait_for()
    assert page.evaluate("window.stayedOnPage") is True
    # The script moves the focus to the summary once it is in place.
    page.wait_for_function(
        "document.activeElement.classList.contains('error-summary')", timeout=5000
    )
    assert Post.objects.count() == 1


def test_preview_shows_the_rendered_markdown(member_page, topic_url):
    page = member_page
    page.goto(topic_url)
    page.evaluate("window.stayedOnPage = true")
    page.fill("textarea[name=body]", "A _careful_ answer\n\n- one\n- two")
    page.get_by_role("button", name="Preview").click()
    preview = page.locator("#composer-preview")
    preview.locator("em").wait_for()
    assert preview.locator("em").inner_text() == "careful"
    assert preview.locator("li").count() == 2
    assert page.evaluate("window.stayedOnPage") is True
    assert Post.objects.count() == 1  # nothing posted


def test_mention_completion_inserts_a_name_with_the_keyboard(member_page, topic_url):
    page = member_page
    page.goto(topic_url)
    textarea = page.locator("textarea[name=body]")
    textarea.click()
    page.keyboard.type("Thanks @am")
    option = page.get_by_role("option", name=re.compile("Amina Diallo"))
    option.wait_for()
    assert textarea.get_attribute("aria-activedescendant") == option.get_attribute("id")
    assert option.get_attribute("aria-selected") == "true"
    page.keyboard.press("Enter")
    assert textarea.input_value() == "Thanks @amina "
    assert page.get_by_role("listbox").is_hidden()
    page.keyboard.type("and @am")
    option.wait_for()
    page.keyboard.press("Escape")
    assert page.get_by_role("listbox").is_hidden()
    assert textarea.input_value() == "Thanks @amina and @am"


def test_draft_survives_a_reload_until_it_is_posted(member_page, topic_url):
    page = member_page
    page.goto(topic_url)
    page.locator("textarea[name=body]").click()
    page.keyboard.type("Half a thought")
    page.wait_for_timeout(600)
    page.reload()
    assert page.input_value("textarea[name=body]") == "Half a thought"
    expect(page.get_by_text("Draft restored")).to_be_visible()
    page.get_by_role("button", name="Discard").click()
    assert page.input_value("textarea[name=body]") == ""
    page.reload()
    assert page.input_value("textarea[name=body]") == ""

    page.locator("textarea[name=body]").click()
    page.keyboard.type("A whole thought")
    page.get_by_role("button", name="Post reply").click()
    page.locator("#post-2").wait_for()
    page.reload()
    assert page.input_value("textarea[name=body]") == ""
    assert page.get_by_text("Draft restored").count() == 0


def test_a_new_member_sees_the_countdown_after_replying(
    browser, live_server, topic_url
):
    UserFactory(email="new@example.org")  # joined today: 30 s between posts
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, live_server, "new@example.org")
    page.goto(topic_url)
    page.fill("textarea[name=body]", "My first words here")
    page.get_by_role("button", name="Post reply").click()
    page.locator("#post-2").wait_for()
    assert re.search(
        r"You can post again in \d+ seconds",
        page.locator(".composer-wait").inner_text(),
    )
    expect(page.get_by_role("button", name="Post reply")).to_be_disabled()
    context.close()


def test_tag_picker_chooses_tags_by_typing(member_page, live_server, topic_url):
    Tag.objects.create(name="Forest biodiversity", slug="forest-biodiversity")
    Tag.objects.create(name="Marine", slug="marine")
    page = member_page
    page.goto(live_server.url + "/forums/forest/new/")
    page.fill("input[name=title]", "Tagged by typing")
    page.fill("textarea[name=body]", "A topic with a tag")
    box = page.get_by_role("combobox", name="Tags")
    box.click()
    page.keyboard.type("fore")
    page.get_by_role("option", name="Forest biodiversity").wait_for()
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("button", name="Remove Forest biodiversity")
    ).to_be_visible()
    assert page.locator("select[name=tags]").is_hidden()
    page.get_by_role("button", name="Start the topic").click()
    page.wait_for_url(re.compile(r"/t/\d+-tagged-by-typing/"))
    topic = Topic.objects.get(title="Tagged by typing")
    assert [tag.slug for tag in topic.tags.all()] == ["forest-biodiversity"]


def test_reply_works_with_javascript_disabled(browser, live_server, topic_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server, "helper@example.org")
    page.goto(topic_url)
    page.fill("textarea[name=body]", "Plain and simple")
    page.get_by_role("button", name="Post reply").click()
    page.wait_for_url(re.compile(r"#post-2$"))
    assert "Plain and simple" in page.locator("#post-2").inner_text()
    # Quote is a link to the reply page, filled in by the server.
    page.locator("#post-1").get_by_role("link", name="Quote").click()
    page.wait_for_url(re.compile(r"/reply/\?quote=\d+"))
    assert "> Who runs a seed bank?" in page.input_value("textarea[name=body]")
    context.close()
