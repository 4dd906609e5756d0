import pytest
from taggit.models import Tag

from community.models import Subject, User

from ..factories import UserFactory


@pytest.fixture
def subjects(db):
    def subject(name, slug, code):
        tag = Tag.objects.create(name=name, slug=slug)
        return Subject.objects.create(tag=tag, code=code, kind="thematic")

    return {
        "forest": subject("Forest", "forest", "CBD-SUBJECT-FOR"),
        "marine": subject("Marine and coastal", "marine", "CBD-SUBJECT-MAR"),
    }


@pytest.fixture
def experts(network, subjects):
    def expert(username, name, country, tags, **fields):
        member = UserFactory(
            username=username, display_name=name, country=country, **fields
        )
        member.expertise.add(*(subjects[t].tag for t in tags))
        return member

    return {
        "wanjiru": expert(
            "wanjiru",
            "Wanjiru Kamau",
            network.kenya,
            ["forest"],
            organisation="KEFRI",
            languages=["en", "fr"],
            verified_expert=True,
        ),
        "aicha": expert(
            "aicha",
            "Aïcha Dossou",
            network.benin,
            ["forest", "marine"],
            organisation="MCVDD",
            languages=["fr"],
            show_email=True,
        ),
        "sefo": expert("sefo", "Sefo Tui", network.fiji, ["marine"], languages=["en"]),
        "hidden": expert(
            "hidden",
            "Hidden Expert",
            network.kenya,
            ["forest"],
            listed_in_directory=False,
        ),
        "gone": expert(
            "gone", "Gone Expert", network.kenya, ["forest"], is_active=False
        ),
    }


def names(response) -> list[str]:
    return [expert.username for expert, _email in response.context["experts"]]


def test_directory_lists_listed_experts_verified_first(client, experts):
    UserFactory(username="no-expertise", display_name="Plain Member")
    response = client.get("/experts/")
    assert response.status_code == 200
    assert names(response) == ["wanjiru", "aicha", "sefo"]
    html = response.content.decode()
    assert "Verified expert" in html
    assert "Hidden Expert" not in html and "Plain Member" not in html


@pytest.mark.parametrize(
    "query,expected",
    [
        ("subject=marine", ["aicha", "sefo"]),
        ("country=ke", ["wanjiru"]),
        ("region=africa", ["wanjiru", "aicha"]),
        ("region=asia-pacific", ["sefo"]),
        ("language=fr", ["wanjiru", "aicha"]),
        ("organisation=kefri", ["wanjiru"]),
        ("q=dossou", ["aicha"]),
        ("q=sefo+tui", ["sefo"]),
        ("verified=on", ["wanjiru"]),
        ("subject=forest&region=africa&language=fr", ["wanjiru", "aicha"]),
        ("subject=marine&country=bj", ["aicha"]),
    ],
)
def test_directory_filters_combine(client, experts, query, expected):
    response = client.get(f"/experts/?{query}")
    assert response.status_code == 200
    assert names(response) == expected


@pytest.mark.parametrize(
    "query,error",
    [
        ("subject=astrology", "Select a valid choice"),
        ("country=zz", "Select a valid choice"),
        ("region=atlantis", "Select a valid choice"),
        ("language=tlh", "Select a valid choice"),
        ("colour=red", "Unknown filter: colour"),
        ("q=" + "x" * 500, "at most 100 characters"),
        ("page=zero", "Enter a whole number"),
    ],
)
def test_unknown_filters_get_a_clear_400(client, experts, query, error):
    response = client.get(f"/experts/?{query}")
    assert response.status_code == 400
    assert error in response.content.decode()


def test_email_is_shown_only_to_signed_in_members_and_only_when_chosen(client, experts):
    html = client.get("/experts/").content.decode()
    assert "aicha@example.org" not in html
    assert "aicha@example.org" not in client.get("/members/aicha/").content.decode()
    client.force_login(experts["sefo"])
    html = client.get("/experts/").content.decode()
    assert "aicha@example.org" in html  # chose to show it
    assert "wanjiru@example.org" not in html  # the default: no email
    assert "aicha@example.org" in client.get("/members/aicha/").content.decode()
    assert "wanjiru@example.org" not in client.get("/members/wanjiru/").content.decode()


def test_members_choose_their_listing_email_and_language_on_their_profile(
    client, experts
):
    member = experts["sefo"]
    client.force_login(member)
    form = client.get("/members/sefo/edit/").content.decode()
    assert 'name="listed_in_directory"' in form and 'name="show_email"' in form
    assert 'name="preferred_language"' in form
    response = client.post(
        "/members/sefo/edit/",
        {
            "display_name": "Sefo Tui",
            "languages": ["en"],
            "preferred_language": "fr",
            "show_email": "on",
            "expertise": [],
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert not member.listed_in_directory and member.show_email
    assert member.preferred_language == "fr"
    # The site now speaks French to them: /experts/ leads to /fr/experts/.
    assert "sefo" not in names(client.get("/experts/", follow=True))


def test_new_members_are_listed_without_email_by_default(db):
    member = User.objects.create_user("fresh", "fresh@example.org", "pw-12345678")
    assert member.listed_in_directory and not member.show_email


def test_moderators_verify_experts(client, experts, people):
    client.force_login(people.moderator)
    assert "Verify this expert" in client.get("/members/sefo/").content.decode()
    response = client.post("/members/sefo/verify/", {"verified": "1"})
    assert response.status_code == 302
    assert User.objects.get(username="sefo").verified_expert
    assert names(client.get("/experts/?verified=on")) == ["sefo", "wanjiru"]
    client.post("/members/sefo/verify/", {"verified": "0"})
    assert not User.objects.get(username="sefo").verified_expert


@pytest.mark.parametrize("role", ["member", "focal_benin", "editor_benin"])
def test_other_roles_cannot_verify_experts(client, experts, people, role):
    client.force_login(getattr(people, role))
    assert "Verify this expert" not in client.get("/members/sefo/").content.decode()
    response = client.post("/members/sefo/verify/", {"verified": "1"})
    assert response.status_code == 403
    assert not User.objects.get(username="sefo").verified_expert


def test_anonymous_visitors_cannot_verify_experts(client, experts):
    response = client.post("/members/sefo/verify/", {"verified": "1"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not User.objects.get(username="sefo").verified_expert


def test_profile_shows_recent_topics_solutions_toolkits_and_news(
    client, network, experts
):
    from forum.models import Forum, ForumIndexPage, Topic

    from ..factories import make_post, make_topic

    network.home.add_child(instance=ForumIndexPage(title="Forums", slug="forums"))
    forum = Forum.objects.create(name="Forest", slug="forest")
    asker = UserFactory()
    question = make_topic(forum, asker, replies=1, title="How to map forests?")
    answer = question.posts.get(number=2)
    answer.author = experts["aicha"]
    answer.save()
    Topic.objects.filter(pk=question.pk).update(solution=answer)
    make_topic(forum, experts["aicha"], title="Mangroves in Benin")
    make_post(network.benin, 1, author=experts["aicha"])
    html = client.get("/members/aicha/").content.decode()
    assert "Mangroves in Benin" in html
    assert "Answers accepted as solutions" in html and "How to map forests?" in html
    assert "News 1" in html


def test_directory_query_count_does_not_grow_with_experts(
    client, experts, subjects, django_assert_max_num_queries
):
    for _n in range(25):
        member = UserFactory(languages=["en"])
        member.expertise.add(subjects["forest"].tag)
    with django_assert_max_num_queries(12):
        assert client.get("/experts/").status_code == 200
