import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from taggit.models import Tag

from community.models import CountryPage
from forum.models import Post, Topic

from ..factories import UserFactory, add_post, make_post, make_toolkit, make_topic

pytestmark = pytest.mark.shared_world("forums", "library", "people")


def results(client, query: str):
    response = client.get("/search/" + query)
    assert response.status_code == 200
    return response.context["results"]


def titles(found) -> list[str]:
    from django.utils.html import strip_tags

    return [strip_tags(hit.title) for hit in found.hits]


def test_a_title_match_outranks_a_body_match(client, network):
    make_post(network.benin, 1, intro="Wetlands are mentioned here, wetlands twice.")
    make_post(network.kenya, 2, intro="Something else entirely")
    page = make_post(network.kenya, 3, intro="Nothing about it")
    page.title = "Wetlands"
    page.save_revision().publish()
    found = results(client, "?q=wetlands")
    assert titles(found) == ["Wetlands", "News 1"]


def test_every_kind_is_found(client, network, forums, writer, library):
    network.benin.intro = "Benin protects its coral reefs"
    network.benin.save_revision().publish()
    make_post(network.kenya, 1, intro="Coral bleaching observed")
    topic = make_topic(forums.public, writer, title="Coral survey methods")
    add_post(topic, writer, "We count coral colonies by transect")
    make_toolkit(library, 1, summary="A coral monitoring toolkit")
    expert = UserFactory(
        username="reefer", display_name="Reef Expert", bio="Coral ecologist"
    )
    expert.expertise.add(Tag.objects.create(name="Marine", slug="marine"))
    found = results(client, "?q=coral")
    counts = {value.value: value.count for value in found.kind_counts}
    assert counts == {
        "news": 1,
        "topic": 1,
        "post": 1,
        "toolkit": 1,
        "country": 1,
        "expert": 1,
    }
    assert found.total == 6


def test_every_kind_shows_its_details_under_the_title(
    client, network, forums, writer, library
):
    network.benin.intro = "Benin protects its coral reefs"
    network.benin.save_revision().publish()
    make_post(network.kenya, 1, intro="Coral bleaching observed")
    topic = make_topic(forums.public, writer, title="Coral survey methods")
    add_post(topic, writer, "We count coral colonies by transect")
    make_toolkit(library, 1, summary="A coral monitoring toolkit")
    UserFactory(username="reefer", display_name="Reef Expert", bio="Coral ecologist")
    shown = {
        hit.kind: (hit.meta, hit.date is not None)
        for hit in results(client, "?q=coral").hits
    }
    assert shown["news"] == (["Kenya"], True)
    assert shown["topic"] == (["Forest"], True)
    assert shown["post"] == (["Forest", "Ada Writer"], True)
    assert shown["toolkit"][1] is True
    assert shown["country"] == (["BJ"], False)
    page = client.get("/search/?q=coral&kind=post").content.decode()
    assert '<p class="result-kind">Forum posts · Forest · Ada Writer · <time' in page


def test_snippets_highlight_the_words_and_escape_user_text(client, network, forums):
    author = UserFactory(display_name="<b>Mallory</b>")
    topic = make_topic(forums.public, author, title="<script>alert(1)</script> savanna")
    add_post(topic, author, 'Savanna fires <img src=x onerror="alert(2)"> each year')
    body = client.get("/search/?q=savanna").content.decode()
    assert "<script>alert(1)" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>savanna</mark>" in body
    assert "<mark>Savanna</mark> fires" in body
    assert "<img src=x" not in body
    assert "<b>Mallory</b>" not in body


def test_kind_filter_and_counts(client, network, forums, writer):
    make_post(network.benin, 1, intro="Pollinators in Benin")
    make_topic(forums.public, writer, title="Pollinators decline")
    found = results(client, "?q=pollinators&kind=news")
    assert [hit.kind for hit in found.hits] == ["news"]
    assert found.total == 1
    # Kind counts still show every kind, to switch between them.
    assert {v.value: v.count for v in found.kind_counts} == {"news": 1, "topic": 1}


def test_region_and_country_filters_and_facets(client, network, library):
    make_post(network.benin, 1, intro="Drylands news")
    make_post(network.kenya, 2, intro="Drylands news")
    make_post(network.fiji, 3, intro="Drylands news")
    make_toolkit(library, 1, summary="Drylands toolkit", country=network.kenya)
    found = results(client, "?q=drylands")
    regions = {v.value: v.count for v in found.facets["region"]}
    assert regions == {"africa": 3, "asia-pacific": 1}
    countries = {v.value: v.count for v in found.facets["country"]}
    assert countries == {"benin": 1, "kenya": 2, "fiji": 1}
    assert results(client, "?q=drylands&region=africa").total == 3
    found = results(client, "?q=drylands&country=kenya")
    assert sorted(hit.kind for hit in found.hits) == ["news", "toolkit"]


def test_forum_filter_and_facet(client, network, forums, writer):
    make_topic(forums.public, writer, title="Seagrass meadows")
    other = forums.other
    make_topic(other, writer, title="Seagrass mapping")
    make_topic(other, writer, title="Seagrass carbon")
    found = results(client, "?q=seagrass")
    assert {v.value: v.count for v in found.facets["forum"]} == {
        "forest": 1,
        "marine": 2,
    }
    assert results(client, "?q=seagrass&forum=marine").total == 2


def test_tag_filter_and_facet(client, network, forums, writer, forest_tag):
    make_post(network.benin, 1, intro="Agroforestry", tags=[forest_tag])
    make_post(network.benin, 2, intro="Agroforestry")
    topic = make_topic(forums.public, writer, title="Agroforestry question")
    topic.tags.add(forest_tag)
    found = results(client, "?q=agroforestry")
    assert {v.value: v.count for v in found.facets["tag"]} == {"forest": 2}
    assert results(client, "?q=agroforestry&tag=forest").total == 2


def test_language_filter_and_facet(client, network, library):
    make_post(network.benin, 1, intro="Biodiversité forestière", language="fr")
    make_post(network.kenya, 2, intro="Forest Biodiversité", language="en")
    make_toolkit(library, 1, summary="Guide biodiversité", languages=("fr", "es"))
    found = results(client, "?q=biodiversité")
    assert {v.value: v.count for v in found.facets["language"]} == {
        "fr": 2,
        "en": 1,
        "es": 1,
    }
    assert results(client, "?q=biodiversité&language=fr").total == 2
    assert results(client, "?q=biodiversité&language=es").total == 1


def test_date_range_filter_and_facet(client, network, forums, writer):
    now = timezone.now()
    make_post(network.benin, 1, intro="Peatland", published_at=now)
    make_post(
        network.benin, 2, intro="Peatland", published_at=now - datetime.timedelta(400)
    )
    found = results(client, "?q=peatland")
    dates = {v.label: v.count for v in found.facets["dates"]}
    assert dates == {"Past week": 1, "Past month": 1, "Past year": 1}
    last_year = (now - datetime.timedelta(days=500)).date()
    long_ago = (now - datetime.timedelta(days=300)).date()
    assert results(client, f"?q=peatland&date_from={long_ago}").total == 1
    found = results(client, f"?q=peatland&date_from={last_year}&date_to={long_ago}")
    assert found.total == 1
    # Reversed bounds are swapped, not refused.
    assert results(client, f"?q=peatland&date_from={long_ago}&date_to={last_year}")


def test_titles_in_several_languages_are_found(client, network):
    for n, (title, language) in enumerate(
        [
            ("Forêts tropicales du Bénin", "fr"),
            ("Bosques nubosos de montaña", "es"),
            ("التنوع البيولوجي في الغابات", "ar"),
        ]
    ):
        page = make_post(network.benin, n, intro="…", language=language)
        page.title = title
        page.save_revision().publish()
    assert titles(results(client, "?q=forêts")) == ["Forêts tropicales du Bénin"]
    assert titles(results(client, "?q=bosques")) == ["Bosques nubosos de montaña"]
    assert titles(results(client, "?q=الغابات")) == ["التنوع البيولوجي في الغابات"]


def test_the_current_language_is_preferred_but_all_are_found(rf, network):
    from search.queries import SearchParams, run_search

    make_post(network.benin, 1, intro="Mangroves", language="en")
    make_post(network.kenya, 2, intro="Mangroves", language="fr")
    request = rf.get("/search/")
    request.user = __import__(
        "django.contrib.auth.models", fromlist=["AnonymousUser"]
    ).AnonymousUser()
    with translation.override("fr"):
        found = run_search(request, SearchParams(q="mangroves"))
    assert [hit.language for hit in found.hits] == ["fr", "en"]
    with translation.override("en"):
        found = run_search(request, SearchParams(q="mangroves"))
    assert [hit.language for hit in found.hits] == ["en", "fr"]


def test_pagination_bounds(client, network):
    for n in range(23):
        make_post(network.benin, n, intro="Lagoon news")
    found = results(client, "?q=lagoon")
    assert (found.total, found.num_pages, len(found.hits)) == (23, 3, 10)
    assert len(results(client, "?q=lagoon&page=3").hits) == 3
    last = results(client, "?q=lagoon&page=99")
    assert last.page == 3 and len(last.hits) == 3
    assert any("only 3 pages" in str(note) for note in last.notes)
    for bad in ("-1", "0", "abc", "1e9x"):
        first = results(client, f"?q=lagoon&page={bad}")
        assert first.page == 1 and len(first.hits) == 10
    seen = set()
    for page in (1, 2, 3):
        seen |= {hit.url for hit in results(client, f"?q=lagoon&page={page}").hits}
    assert len(seen) == 23


def test_pages_merge_kinds_without_repeats(client, network, forums, writer):
    for n in range(8):
        make_post(network.benin, n, intro="Estuary news")
        make_topic(forums.public, writer, title=f"Estuary topic {n}")
    urls = []
    for page in (1, 2):
        urls += [hit.url for hit in results(client, f"?q=estuary&page={page}").hits]
    assert len(urls) == len(set(urls)) == 16


def test_result_page_queries_do_not_grow_with_results(
    client, network, forums, writer, library, django_assert_max_num_queries
):
    def add(start, count):
        for n in range(start, start + count):
            make_post(network.benin, n, intro="Karst")
            topic = make_topic(forums.public, writer, title=f"Karst {n}")
            add_post(topic, writer, "Karst caves")
            make_toolkit(library, n, summary="Karst")

    add(0, 2)
    client.get("/search/?q=karst")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get("/search/?q=karst")
    add(2, 6)
    with django_assert_max_num_queries(len(small)):
        found = client.get("/search/?q=karst").context["results"]
    assert len(found.hits) == 10


def test_an_and_search_with_no_match_falls_back_to_any_word(client, network):
    make_post(network.benin, 1, intro="Mangrove")
    found = results(client, "?q=mangrove+zzzqx")
    assert found.total == 1 and found.relaxed


def test_an_empty_result_suggests_filters_to_drop(client, network):
    make_post(network.benin, 1, intro="Mangrove")
    response = client.get("/search/?q=mangrove&country=kenya")
    found = response.context["results"]
    assert found.total == 0
    assert [(s.value, s.count) for s in found.drop_suggestions] == [("country", 1)]
    assert "Without “Country”: 1 result" in response.content.decode()


def test_update_index_rebuilds_everything_with_progress(network, forums, writer):
    topic = make_topic(forums.public, writer, title="Bulk created")
    Post.objects.filter(topic=topic).update(raw="Xerophytes everywhere")
    from forum.search_kind import post_queryset
    from search.queries import SearchParams, match

    def found():
        from django.contrib.auth.models import AnonymousUser

        qs = post_queryset(AnonymousUser(), SearchParams())
        return match(qs, "xerophytes", ranked=False).count()

    assert found() == 0  # bulk writes send no signal
    out = io.StringIO()
    call_command("update_index", stdout=out)
    lines = out.getvalue().splitlines()
    # A bar per model: items indexed of how many, and the percentage.
    (posts,) = [line for line in lines if "forum.Post " in line]
    assert re.search(r"\[#{30}\]\s+1/1 100%", posts), posts
    assert any("indexed" in line for line in lines)
    assert found() == 1


def test_country_pages_filter_by_region(client, network):
    assert CountryPage.objects.count() == 3
    found = results(client, "?q=benin&kind=country&region=africa")
    assert titles(found) == ["Benin"]
    assert results(client, "?q=benin&kind=country&region=asia-pacific").total == 0


def test_topic_urls_and_counts_are_consistent(client, network, forums, writer):
    topic = make_topic(forums.public, writer, title="Baobab")
    found = results(client, "?q=baobab")
    assert found.hits[0].url == f"/forums/forest/t/{topic.pk}-baobab/"
    assert Topic.objects.count() == 1


@pytest.mark.parametrize("kind", ["news", "topic", "post", "toolkit", "country"])
def test_each_kind_page_renders_with_no_results(client, network, kind):
    assert client.get(f"/search/?q=nothing&kind={kind}").status_code == 200


def test_a_misspelt_word_offers_the_spelling_the_network_uses(client, network):
    page = make_post(network.kenya, 1, intro="Counting pollinators in the highlands")
    page.title = "Pollinator monitoring"
    page.save_revision().publish()
    response = client.get("/search/?q=polinator")
    found = response.context["results"]
    assert found.total == 0
    assert (found.spelling.label, found.spelling.count) == ("pollinator", 1)
    html = response.content.decode()
    assert 'Did you mean: <a href="?q=pollinator"' in html
    assert titles(results(client, "?q=pollinator")) == ["Pollinator monitoring"]
    # Known words are left alone; several words are corrected together.
    assert results(client, "?q=pollinator").spelling is None
    both = results(client, "?q=pollinatr+monitorin").spelling
    assert both.label == "pollinator monitoring"
    # Nothing close enough: no guess.
    assert results(client, "?q=zebrafish").spelling is None


def test_a_spelling_is_offered_only_when_it_finds_something_with_the_filters(
    client, network
):
    page = make_post(network.kenya, 1)
    page.title = "Seagrass meadows"
    page.save_revision().publish()
    assert results(client, "?q=seagras&country=kenya").spelling.label == "seagrass"
    assert results(client, "?q=seagras&country=benin").spelling is None


def test_spelling_suggestions_never_come_from_content_others_cannot_read(
    client, people, network, forums, writer
):
    from django.core.cache import cache

    make_topic(forums.members, writer, title="Confidential negotiation")
    hidden = make_topic(forums.public, writer, title="Withdrawn proposal")
    Topic.objects.filter(pk=hidden.pk).update(is_hidden=True)
    draft = make_post(network.kenya, 1, live=False)
    draft.title = "Embargoed announcement"
    draft.save()
    for user in (None, people.member, people.moderator, people.staff):
        cache.clear()
        if user:
            client.force_login(user)
        for query in ("confidentail", "withdrawnn", "embargoedd"):
            assert results(client, f"?q={query}").spelling is None, (user, query)


def test_place_names_in_results_follow_the_language(client, network):
    make_post(network.benin, 1, intro="Baobab census")
    assert results(client, "?q=baobab").hits[0].meta == ["Benin"]
    found = client.get("/fr/search/?q=baobab").context["results"]
    assert found.hits[0].meta == ["Bénin"]


def test_highlights_mark_whole_words_and_other_forms_of_a_word():
    from search.queries import highlight

    assert highlight("Forests, forestry and a forest", ["forests"]) == (
        "<mark>Forests</mark>, <mark>forestry</mark> and a <mark>forest</mark>"
    )
    assert highlight("Mangroves, not grove", ["mangrove"]) == (
        "<mark>Mangroves</mark>, not grove"
    )
    assert highlight("<b>bold</b> words", ["bold"]) == (
        "&lt;b&gt;<mark>bold</mark>&lt;/b&gt; words"
    )
