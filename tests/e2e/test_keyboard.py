"""A member who uses only the keyboard, in real Chromium against a daphne
server: signs in, likes a post, replies, follows the forum and reads the
bell, with Tab and Shift+Tab to move and Enter, Space and Escape to act.
Every element that takes the focus on the way shows a visible focus ring.

The controls are found by role and accessible name (the sign-in fields and
button, "Like" (pressed once liked), the reply box "Your message" and "Post reply", the
follow control, the bell link "Notifications"), so the journey holds whether
they are plain forms or enhanced in place."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from forum import posting
from forum.models import Forum, ForumIndexPage

from ..factories import PASSWORD, UserFactory, build_network
from ..live import asgi_server, needs_postgres

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    needs_postgres,
]

FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== "none";
  const box = el.getBoundingClientRect();
  return {
    element: el.outerHTML.slice(0, 120),
    text: (el.getAttribute("aria-label") || el.innerText || el.value || "")
      .trim().slice(0, 40),
    ring: outline || shadow,
    shown: box.width > 0 && box.height > 0,
  };
}"""


def focused(page) -> dict | None:
    return page.evaluate(FOCUS)


def assert_visible_focus(page) -> None:
    state = focused(page)
    if state is None:
        return
    assert state["ring"], f"no visible focus ring on {state}"
    assert state["shown"], f"the focused element is not on the page: {state}"


def tab_to(page, target, backwards: bool = False, limit: int = 150) -> None:
    """Press Tab (or Shift+Tab) until `target` has the focus, checking the focus
    ring at every stop."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        assert_visible_focus(page)
        if target.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{key} never reached {target}")


@pytest.fixture
def forum_world():
    network = build_network()
    network.home.add_child(instance=ForumIndexPage(title="Forums", slug="forums"))
    forum = Forum.objects.create(name="Forest", slug="forest")
    old = timezone.now() - timedelta(days=90)
    member = UserFactory(username="amina", email="amina@example.org", date_joined=old)
    author = UserFactory(username="kofi", display_name="Kofi", date_joined=old)
    topic = posting.create_topic(
        forum, author, "Dry forests in Benin", "Who has data on dry forests?"
    )
    # Something for the bell: a mention of the member, in another topic.
    other = posting.create_topic(
        forum,
        author,
        "Mangrove nurseries",
        "Has anyone raised mangroves?",
        rate_limited=False,
    )
    posting.reply(other, author, "@amina you planted some in Cotonou, I think?")
    return member, topic


def test_a_keyboard_only_member_signs_in_likes_replies_follows_and_reads_the_bell(
    browser, forum_world
):
    member, topic = forum_world
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        with asgi_server() as base:
            keyboard_journey(page, base, member, topic)
    finally:
        context.close()


def keyboard_journey(page, base, member, topic) -> None:
    keyboard = page.keyboard
    topic_url = base + topic.get_absolute_url()

    # Sign in, from the sign-in page the topic sends to.
    page.goto(f"{base}/accounts/login/?next={topic.get_absolute_url()}")
    tab_to(page, page.get_by_role("textbox", name=re.compile("email", re.I)).first)
    keyboard.type(member.email)
    tab_to(page, page.get_by_label(re.compile("^password", re.I)).first)
    keyboard.type(PASSWORD)
    tab_to(page, page.get_by_role("button", name=re.compile("^sign in$", re.I)))
    with page.expect_navigation():
        keyboard.press("Enter")
    expect(page).to_have_url(topic_url)

    # Like the opening post, with Space on the button.
    tab_to(page, page.get_by_role("button", name="Like", exact=True).first)
    keyboard.press("Space")
    like = page.get_by_role("button", name="Like", exact=True).first
    expect(like).to_have_attribute("aria-pressed", "true")
    # Updated in place: the focus stays on the button.
    assert like.evaluate("el => el === document.activeElement")
    assert_visible_focus(page)
    expect(page.get_by_text("1 like", exact=True).first).to_be_visible()

    # Reply: the reply box, then its button.
    box = page.get_by_role("textbox", name=re.compile("your message", re.I)).first
    tab_to(page, box)
    keyboard.type("In the Pendjari, the park keeps yearly plots.")
    tab_to(page, page.get_by_role("button", name=re.compile("^post reply$", re.I)))
    keyboard.press("Enter")
    expect(page.get_by_text("the park keeps yearly plots").first).to_be_visible()

    # Replying followed the topic; follow its forum too.
    page.goto(base + "/forums/forest/")
    follow(page)

    # The bell: Enter opens its panel, Escape closes it and returns to the bell.
    page.goto(topic_url)
    bell = page.get_by_role("banner").get_by_role(
        "link", name=re.compile("^Notifications")
    )
    tab_to(page, bell)
    keyboard.press("Enter")
    panel = page.locator("#bell-panel")
    expect(panel).to_be_visible()
    expect(bell).to_have_attribute("aria-expanded", "true")
    # The panel lists what arrived since this tab last looked, and always
    # links to the whole list.
    everything = panel.get_by_role("link", name=re.compile("all notifications", re.I))
    tab_to(page, everything)
    keyboard.press("Escape")
    expect(panel).to_be_hidden()
    assert bell.evaluate("el => el === document.activeElement")
    assert_visible_focus(page)
    # Open it again and read everything on the notifications page.
    keyboard.press("Enter")
    expect(panel).to_be_visible()
    tab_to(page, everything)
    with page.expect_navigation():
        keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        re.compile("Notifications", re.I)
    )
    expect(page.get_by_text(re.compile("Mangrove nurseries")).first).to_be_visible()


def follow(page) -> None:
    """Follow what the page shows with the one follow control: a Follow toggle that
    becomes Following, in place, with the focus kept on it."""
    keyboard = page.keyboard
    button = page.get_by_role("button", name=re.compile(r"^follow$", re.I)).first
    tab_to(page, button)
    keyboard.press("Enter")
    following = page.get_by_role("button", name=re.compile(r"following", re.I)).first
    expect(following).to_have_attribute("aria-pressed", "true")
    assert following.evaluate("el => el === document.activeElement")
    assert_visible_focus(page)
    page.goto(page.url)
    expect(following).to_be_visible()
