from types import SimpleNamespace

import pytest
from django.utils import timezone, translation
from wagtail.models import Locale, PageViewRestriction

from blog.models import BlogPostAuthor, BlogPostPage
from community.models import Subject
from cooperation import follow_up
from cooperation.offering import OfferDraft, create_offer, set_available
from cooperation.requesting import RequestDraft, create_request

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


@pytest.fixture
def cooperation_data(content) -> SimpleNamespace:
    """Cooperation data beside `content` (and as `content.coop`): its requests
    open topics in a public forum, so the forum tests go without it."""
    content.coop = cooperation(content.network)
    return content.coop


def cooperation(network) -> SimpleNamespace:
    """Requests at every stage and offers, made through the app's own steps:
    a request written in French and closed as a case study, an open one, a
    withdrawn one; an available offer and one no longer available."""
    secretariat = UserFactory(username="coop.secretariat", is_staff=True)
    expert = UserFactory(username="coop.expert", display_name="Kofi Expert")
    forest = list(Subject.objects.filter(code="CBD-SUBJECT-FOR"))
    later = timezone.localdate() + timezone.timedelta(days=60)

    def request(title, country, **fields):
        values = {
            "title": title,
            "problem": f"Le problème : {title}.",
            "country": country,
            "contact_name": "Aïcha Dossou",
            "contact_email": "aicha.private@example.org",
            "assistance_types": ["technical"],
            "subjects": forest,
            "languages": ["fr"],
            "deadline": later,
            **fields,
        }
        return create_request(secretariat, RequestDraft(**values))

    offer = create_offer(
        expert,
        OfferDraft(
            title="Cartographie des mangroves",
            description="Images satellite et formation.",
            assistance_types=["technical", "training"],
            subjects=forest,
            languages=["fr", "en"],
            regions=[network.africa],
        ),
    )
    gone = create_offer(
        expert,
        OfferDraft(
            title="Old offer",
            description="No longer.",
            assistance_types=["funding"],
            subjects=forest,
            languages=["en"],
        ),
    )
    set_available(expert, gone, False)
    with translation.override("fr"):
        closed = request("Jacinthe d’eau au Bénin", network.benin)
    follow_up.express_interest(expert, closed, "Je peux aider.", offer)
    follow_up.select_provider(secretariat, closed, offer)
    follow_up.close_request(
        secretariat,
        closed,
        "Carte livrée ; 40 % du fleuve dégagé.",
        "Former les équipes locales d’abord.",
    )
    open_request = request(
        "Seed bank training",
        network.kenya,
        assistance_types=["training"],
        languages=["en"],
        subjects=list(Subject.objects.filter(code="CBD-SUBJECT-PA")),
    )
    withdrawn = request("Withdrawn need", network.benin)
    follow_up.change_status(secretariat, withdrawn, "withdrawn", "Solved locally.")
    for obj in (closed, open_request, withdrawn):
        obj.refresh_from_db()
    return SimpleNamespace(
        closed=closed,
        open=open_request,
        withdrawn=withdrawn,
        offer=offer,
        gone=gone,
        expert=expert,
    )
