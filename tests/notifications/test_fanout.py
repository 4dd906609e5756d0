"""Who hears about what: audiences, defaults, no actor, no double, visibility."""

import pytest
from django.core import mail
from taggit.models import Tag

from forum import moderation, posting
from notifications.models import Notification, NotificationSettings
from notifications.subscriptions import set_watch_level

from ..factories import established, make_post, make_topic

pytestmark = pytest.mark.shared_world("forums")


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run an action and the fan-out it queues after commit."""

    def runner(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return runner


def inbox(user):
    return list(
        Notification.objects.filter(recipient=user).values_list("kind", flat=True)
    )


def test_reply_notifies_topic_watchers_but_not_the_actor(run, forums, author):
    watcher, replier = established(), established()
    topic = make_topic(forums.public, author)
    set_watch_level(watcher, topic, "watching")
    set_watch_level(author, topic, "watching")
    run(posting.reply, topic, replier, "An answer")
    assert inbox(watcher) == ["reply"]
    assert inbox(author) == ["reply"]
    assert inbox(replier) == []
    # The replier now watches the topic (default) and hears the next reply.
    run(posting.reply, topic, watcher, "Thanks")
    assert inbox(replier) == ["reply"]
    assert inbox(watcher) == ["reply"]  # not for their own reply


def test_tracking_and_muted_members_get_no_notice_for_replies(run, forums, author):
    tracker, muted, replier = established(), established(), established()
    topic = make_topic(forums.public, author)
    set_watch_level(tracker, topic, "tracking")
    set_watch_level(muted, topic, "muted")
    run(
        posting.reply,
        topic,
        replier,
        f"Hello @{muted.username} and @{tracker.username}",
    )
    assert inbox(tracker) == ["mention"]  # tracking still hears mentions
    assert inbox(muted) == []  # muted: not even mentions


def test_a_mention_and_a_watch_make_one_notification(run, forums, author):
    fan = established(username="fan")
    topic = make_topic(forums.public, author)
    set_watch_level(fan, topic, "watching")
    run(posting.reply, topic, established(), "Over to you @fan")
    assert inbox(fan) == ["mention"]


def test_quotes_notify_the_quoted_member(run, forums, author):
    topic = make_topic(forums.public, author)
    set_watch_level(author, topic, "normal")
    first = topic.posts.get(number=1)
    run(posting.reply, topic, established(), "> quoted\n\nIndeed", reply_to=first)
    assert inbox(author) == ["quote"]


def test_new_topics_notify_forum_and_tag_watchers(run, forums, author):
    forest = Tag.objects.create(name="Forest", slug="forest-t")
    forum_fan, tag_fan, member_fan = established(), established(), established()
    set_watch_level(forum_fan, forums.public, "watching")
    set_watch_level(tag_fan, forest, "watching")
    set_watch_level(member_fan, author, "watching")
    run(
        posting.create_topic,
        forums.public,
        author,
        "Dry forests",
        "Body",
        tags=[forest],
    )
    assert inbox(forum_fan) == inbox(tag_fan) == inbox(member_fan) == ["topic"]
    assert inbox(author) == []


def test_nobody_hears_of_what_they_cannot_see(run, people, forums, author):
    set_watch_level(people.member, forums.focal, "watching")
    set_watch_level(people.focal_benin, forums.focal, "watching")
    moderator = people.moderator
    run(posting.create_topic, forums.focal, moderator, "Focal points only", "Body")
    assert inbox(people.member) == []
    assert inbox(people.focal_benin) == ["topic"]


def test_likes_are_batched_into_one_notification(run, forums, author):
    post = make_topic(forums.public, author).posts.get()
    for _ in range(3):
        run(posting.like_post, post, established())
    note = Notification.objects.get(recipient=author)
    assert note.kind == "like" and note.count == 3
    assert note.title.startswith("3 people liked your post")


def test_solution_and_moderation_outcomes_reach_the_author(run, people, forums, author):
    helper = established()
    topic = make_topic(forums.public, author)
    answer = run(posting.reply, topic, helper, "Try this")
    run(posting.mark_solution, answer, author)
    run(moderation.hide_post, answer, people.moderator)
    assert sorted(inbox(helper)) == ["moderation", "solution"]


def test_held_posts_notify_only_once_approved(run, people, forums, author):
    from ..factories import UserFactory

    topic = make_topic(forums.public, author)
    set_watch_level(author, topic, "watching")
    newcomer = UserFactory()
    post = run(posting.reply, topic, newcomer, "Visit https://example.org")
    assert post.is_held and inbox(author) == []
    run(moderation.approve_held_post, post, people.moderator)
    assert inbox(author) == ["reply"]
    assert inbox(newcomer) == ["moderation"]


def test_published_news_notifies_followers_of_country_region_and_tags(run, network):
    forest = Tag.objects.create(name="Forest", slug="forest-n")
    country_fan, region_fan, tag_fan, other = (established() for _ in range(4))
    set_watch_level(country_fan, network.benin, "watching")
    set_watch_level(region_fan, network.africa, "watching")
    set_watch_level(tag_fan, forest, "watching")
    set_watch_level(other, network.fiji, "watching")
    post = make_post(network.benin, 1, tags=[forest], live=False)
    run(post.save_revision().publish)
    for fan in (country_fan, region_fan, tag_fan):
        assert inbox(fan) == ["news"]
    assert inbox(other) == []
    # Publishing again (an edit) is not news twice.
    run(post.save_revision().publish)
    assert Notification.objects.filter(kind="news").count() == 3


def test_focal_points_watch_their_country_and_hear_its_news(run, people, network):
    post = make_post(network.benin, 1, live=False)
    run(post.save_revision().publish)
    assert inbox(people.focal_benin) == ["news"]
    assert inbox(people.focal_kenya) == []


def test_a_submitted_page_waits_for_the_focal_points_approval(run, people, network):
    post = make_post(network.benin, 1, live=False)
    revision = post.save_revision(user=people.editor_benin)
    workflow = network.benin.get_workflow()
    run(workflow.start, post, people.editor_benin)
    assert revision
    assert inbox(people.focal_benin) == ["approval"]
    assert inbox(people.editor_benin) == []
    assert inbox(people.focal_kenya) == []


def test_members_watch_the_forums_of_their_expertise(client, forums):
    from community.models import Subject

    forest = Tag.objects.create(name="Forest", slug="forest-e")
    subject = Subject.objects.create(
        tag=forest, code="CBD-SUBJECT-FOR", kind="thematic"
    )
    forums.public.subject = subject
    forums.public.save()
    member = established(username="newbie")
    client.force_login(member)
    client.post("/members/newbie/edit/", {"expertise": [subject.pk]})
    from notifications.subscriptions import watch_level

    assert watch_level(member, forums.public) == "watching"


def test_immediate_email_with_unsubscribe_headers(run, forums, author):
    watcher = established(email="watcher@example.org")
    NotificationSettings.objects.create(user=watcher, email_frequency="immediate")
    topic = make_topic(forums.public, author)
    set_watch_level(watcher, topic, "watching")
    mail.outbox.clear()
    run(posting.reply, topic, established(), "News!")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["watcher@example.org"]
    assert (
        message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    )
    assert "/notifications/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
    assert "/notifications/unsubscribe/" in message.body
    assert Notification.objects.get(recipient=watcher).emailed_at is not None


def test_preferences_switch_kinds_off(run, forums, author):
    watcher = established()
    NotificationSettings.objects.create(
        user=watcher, channels={"reply": {"app": False, "email": False}}
    )
    topic = make_topic(forums.public, author)
    set_watch_level(watcher, topic, "watching")
    run(posting.reply, topic, established(), "Quiet please")
    assert inbox(watcher) == []
