"""Each request lists the offers and experts that fit it best, South–South
first, with the reasons shown."""

import pytest

from cooperation.matching import matching_experts, matching_offers
from cooperation.south import is_south

from ..factories import UserFactory, make_offer, make_request, provider

pytestmark = pytest.mark.django_db


def test_the_south_is_africa_asia_pacific_and_latin_america_minus_a_few():
    assert is_south("BJ", "africa") and is_south("PE", "latin-america-caribbean")
    assert is_south("FJ", "asia-pacific") and not is_south("JP", "asia-pacific")
    assert not is_south("FR", "western-europe-others")
    assert not is_south("PL", "central-eastern-europe")


def test_a_same_subject_same_language_south_south_offer_ranks_first_and_says_why(
    client, network, north, people, subjects
):
    # Every offer below shares the subject; each lacks one thing but the first.
    northern = make_offer(
        provider(north.france), [subjects.forest], title="From France"
    )
    english = make_offer(
        provider(network.kenya), [subjects.forest], title="In English", languages=["en"]
    )
    best = make_offer(provider(network.fiji), [subjects.forest], title="South–South")
    unrelated = make_offer(
        provider(network.kenya), [subjects.marine], title="Marine only"
    )
    coop = make_request(people.focal_benin, network.benin, [subjects.forest])

    ranked = matching_offers(coop)
    assert [m.provider for m in ranked][0] == best
    assert {m.provider for m in ranked} == {best, northern, english}
    assert unrelated not in [m.provider for m in ranked]
    top = ranked[0]
    assert top.south_south
    assert "Same CBD subjects: Forest" in top.reasons
    assert "Works in French" in top.reasons
    assert "South–South: from Fiji (Asia and the Pacific)" in top.reasons
    assert not next(m for m in ranked if m.provider == northern).south_south

    page = client.get(coop.get_absolute_url()).content.decode()
    assert page.index("South–South: from Fiji") < page.index("From France")
    assert "Works in French" in page


def test_offers_of_the_same_region_and_covering_it_say_so(network, people, subjects):
    local = make_offer(provider(network.kenya), [subjects.forest], title="Local")
    local.regions.set([network.africa])
    elsewhere = make_offer(provider(network.kenya), [subjects.forest], title="Asia")
    elsewhere.regions.set([network.asia])
    coop = make_request(people.focal_benin, network.benin, [subjects.forest])
    ranked = {m.provider: m for m in matching_offers(coop)}
    assert "South–South: from Kenya, in the same region" in ranked[local].reasons
    assert "Covers Africa" in ranked[local].reasons
    assert ranked[local].score > ranked[elsewhere].score


def test_the_requesters_own_offers_are_not_matches(network, people, subjects):
    make_offer(people.focal_benin, [subjects.forest])
    coop = make_request(people.focal_benin, network.benin, [subjects.forest])
    assert matching_offers(coop) == []


def test_withdrawn_offers_are_not_matches(client, network, people, subjects):
    offer = make_offer(people.member, [subjects.forest])
    client.force_login(people.member)
    client.post(f"/cooperation/offers/{offer.pk}/availability/", {"available": "0"})
    coop = make_request(people.focal_benin, network.benin, [subjects.forest])
    assert matching_offers(coop) == []


def test_experts_of_the_directory_are_ranked_the_same_way(
    client, network, north, people, subjects
):
    def expert(country, languages, **fields):
        user = UserFactory(country=country, languages=languages, **fields)
        user.expertise.add(subjects.forest.tag)
        return user

    southern = expert(network.kenya, ["fr"], verified_expert=True)
    northern = expert(north.france, ["fr"])
    anglophone = expert(network.fiji, ["en"])
    hidden = expert(network.kenya, ["fr"], listed_in_directory=False)
    marine = UserFactory(country=network.kenya, languages=["fr"])
    marine.expertise.add(subjects.marine.tag)
    coop = make_request(people.focal_benin, network.benin, [subjects.forest])

    ranked = matching_experts(coop)
    people_ranked = [m.provider for m in ranked]
    assert people_ranked[0] == southern
    assert set(people_ranked) == {southern, northern, anglophone}
    assert hidden not in people_ranked and marine not in people_ranked
    assert "Verified expert" in ranked[0].reasons
    page = client.get(coop.get_absolute_url()).content.decode()
    assert southern.get_display_name() in page
