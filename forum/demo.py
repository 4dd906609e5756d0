"""Demo forums and discussions for `seed_demo`."""

from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from community.models import Subject

from .cooking import cook
from .models import Forum, ForumIndexPage, Post, Topic

FORUM_SUBJECTS = [
    "CBD-SUBJECT-AGR", "CBD-SUBJECT-DRY", "CBD-SUBJECT-FOR", "CBD-SUBJECT-IWB",
    "CBD-SUBJECT-IBD", "CBD-SUBJECT-MAR", "CBD-SUBJECT-MTN", "CBD-SUBJECT-ABS",
    "CBD-SUBJECT-CC", "CBD-SUBJECT-CEPA", "CBD-SUBJECT-IAS", "CBD-SUBJECT-PA",
    "CBD-SUBJECT-TK", "CBD-SUBJECT-IMIA",
]  # fmt: skip
NETWORK_FORUMS = [
    ("chm-network-help", "CHM network and websites help",
     "Setting up and running a national CHM website: tools, hosting, content."),
    ("south-south-cooperation", "South–South cooperation",
     "Requests and offers of help between countries, and lessons learned."),
    ("focal-points", "Focal points' room",
     "A private room for national focal points to prepare meetings together."),
]  # fmt: skip

# (forum slug, author, title, opening post, replies [(author, text)], tags)

DEMO_TOPICS = [
    ("chm-network-help", "focal.benin", "Which hosting for a small national CHM?",
     "We are moving our national CHM from a ministry server. What hosting do other "
     "countries use, and what does it cost per year?",
     [("expert", "Kenya uses a shared hosting plan with daily backups; about 300 USD "
       "a year. The main cost is the staff time, not the server."),
      ("focal.benin", "Thank you @expert, that is very helpful.")],
     ["Technology transfer and cooperation"]),
    ("invasive-alien-species", "expert", "Water hyacinth: biological control results",
     "Has anyone compared weevil releases with mechanical removal on large lakes? "
     "Lake Naivasha data are encouraging.",
     [("focal.benin", "Au Bénin, les lâchers de charançons sur l'Ouémé ont réduit la "
       "couverture de moitié en deux ans.")],
     ["Invasive alien species", "Inland waters"]),
    ("south-south-cooperation", "focal.benin",
     "Twinning national CHMs: who is interested?",
     "Benin would like to twin with another national CHM to exchange editors and "
     "content for a year. Any volunteers?", [],
     ["Communication, education and public awareness (CEPA)"]),
    ("forest", "newcomer", "Where to start with forest indicators?",
     "I am a new focal point. Which indicators do countries report for forests?",
     [("expert", "Start with forest area and the extent of natural forest; both "
       "have ready methods and data.")],
     ["Forest", "Identification, monitoring, indicators and assessments"]),
]  # fmt: skip


def seed_forums(home, users: dict) -> int:
    """Create the forum index, the forums and a few discussions (once)."""
    index = ForumIndexPage.objects.child_of(home).first()
    if index is None:
        home.refresh_from_db()
        index = home.add_child(
            instance=ForumIndexPage(
                title="Forums",
                slug="forums",
                intro="Thematic forums where the CHM network's experts and focal "
                "points discuss, ask and answer.",
            )
        )
    subjects = {s.code: s for s in Subject.objects.select_related("tag")}
    for order, code in enumerate(FORUM_SUBJECTS):
        subject = subjects[code]
        Forum.objects.get_or_create(
            slug=slugify(subject.name)[:80],
            defaults={
                "name": subject.name,
                "subject": subject,
                "sort_order": 10 + order,
                "description": f"Discussions on {subject.name.lower()}.",
            },
        )
    for order, (slug, name, description) in enumerate(NETWORK_FORUMS):
        Forum.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "sort_order": order,
                "visibility": (
                    Forum.Visibility.FOCAL_POINTS
                    if slug == "focal-points"
                    else Forum.Visibility.PUBLIC
                ),
            },
        )
    return seed_topics(users)


def seed_topics(users: dict) -> int:
    """Write demo discussions directly (no rate limits), keeping counters right."""
    created = 0
    tags = {tag.name.lower(): tag for tag in Tag.objects.all()}
    start = timezone.now() - timedelta(days=20)
    for n, (slug, author, title, body, replies, tag_names) in enumerate(DEMO_TOPICS):
        forum = Forum.objects.filter(slug=slug).first()
        if forum is None or Topic.objects.filter(forum=forum, title=title).exists():
            continue
        when = start + timedelta(days=n * 4)
        topic = Topic.objects.create(
            forum=forum,
            title=title,
            author=users[author],
            created_at=when,
            last_post_at=when,
            last_poster=users[author],
            post_count=1,
        )
        topic.tags.set([tags[name.lower()] for name in tag_names])
        posts = [(users[author], body, when)]
        for m, (replier, text) in enumerate(replies, start=1):
            posts.append((users[replier], text, when + timedelta(hours=5 * m)))
        for number, (user, text, moment) in enumerate(posts, start=1):
            html, _mentions = cook(text)
            Post.objects.create(
                topic=topic,
                number=number,
                author=user,
                raw=text,
                html=html,
                created_at=moment,
            )
        last_user, _text, last_at = posts[-1]
        Topic.objects.filter(pk=topic.pk).update(
            post_count=len(posts),
            reply_count=len(posts) - 1,
            last_post_at=last_at,
            last_poster=last_user,
        )
        forum.topic_count += 1
        forum.post_count += len(posts)
        forum.last_post_at = last_at
        forum.last_topic = topic
        forum.save(
            update_fields=["topic_count", "post_count", "last_post_at", "last_topic"]
        )
        created += 1
    return created
