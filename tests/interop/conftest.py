from types import SimpleNamespace

import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from blog.models import BlogPostAuthor, BlogPostPage

from ..factories import UserFactory
from ..forum.conftest import forums, make_topic  # noqa: F401
from ..toolkits.conftest import library, make_toolkit, subjects  # noqa: F401


def news(country, title, *, live=True, days_ago=0, language="en", tags=()):
    page = BlogPostPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        intro=f"About {title}",
        language=language,
        published_at=timezone.now() - timezone.timedelta(days=days_ago),
        live=live,
    )
    page.tags.add(*tags)
    country.refresh_from_db()
    page = country.add_child(instance=page)
    if live:
        page.save_revision().publish()
    return page


@pytest.fixture
def content(network, subjects, library, forums):  # noqa: F811
    """Public and private things of every kind, to see what the API serves."""
    writer = UserFactory(
        username="writer", email="writer@example.org", display_name="Awa Writer"
    )
    benin_news = [
        news(network.benin, f"Benin news {n}", days_ago=n, tags=[subjects["forest"]])
        for n in range(3)
    ]
    BlogPostAuthor.objects.create(page=benin_news[0], author=writer)
    draft = news(network.benin, "Benin draft", live=False)
    secret = news(network.benin, "Benin secret", language="fr")
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.LOGIN
    )
    kenya = news(network.kenya, "Kenya news", days_ago=10, language="fr")
    toolkit = make_toolkit(
        library, 1, tags=[subjects["forest"]], languages=("en", "fr"), files=()
    )
    french, _created = Locale.objects.get_or_create(language_code="fr")
    toolkit_fr = toolkit.copy_for_translation(french, copy_parents=True)
    toolkit_fr.title = "Boîte à outils 1"
    toolkit_fr.summary = "Résumé 1"
    toolkit_fr.save_revision().publish()
    plain = make_toolkit(library, 2, files=())
    author = UserFactory(username="poster", email="poster@example.org")
    topic = make_topic(forums.public, author, replies=2, title="Forest seeds")
    hidden_post = topic.posts.get(number=3)
    hidden_post.is_hidden = True
    hidden_post.save()
    members_topic = make_topic(forums.members, author, title="Members only")
    hidden_topic = make_topic(forums.public, author, title="Hidden topic")
    hidden_topic.is_hidden = True
    hidden_topic.save()
    return SimpleNamespace(
        network=network,
        benin_news=benin_news,
        draft=draft,
        secret=secret,
        kenya=kenya,
        toolkit=toolkit,
        toolkit_fr=toolkit_fr,
        plain=plain,
        forums=forums,
        topic=topic,
        hidden_post=hidden_post,
        members_topic=members_topic,
        hidden_topic=hidden_topic,
        writer=writer,
    )
