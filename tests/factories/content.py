"""Public and private things of every kind, to see what an API or a page
serves to whom."""

from types import SimpleNamespace

from wagtail.models import Locale, PageViewRestriction

from blog.models import BlogPostAuthor

from .blog import news
from .forum import make_topic
from .toolkits import make_toolkit
from .users import UserFactory


def make_content(network, subjects, library, forums) -> SimpleNamespace:
    """News of Benin (three live, a draft, one for members only) and of
    Kenya; a toolkit with its French translation and a plain one; a public
    topic with a hidden reply, a members' topic and a hidden topic.
    `subjects` are the subject tags by slug (`subject_tags()`)."""
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
    french, _ = Locale.objects.get_or_create(language_code="fr")
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
