"""Issue 20: news lists offer "Show more" (htmx appends the next page in
place) and keep their page links for browsing without JavaScript."""

from ..factories import make_post


def test_country_and_region_news_offer_show_more(client, network):
    for n in range(15):
        make_post(network.benin, n)
    for path in ("/africa/benin/", "/africa/"):
        html = client.get(path).content.decode()
        assert '<ol class="news-list" id="news-list">' in html
        assert 'href="?page=2" hx-get="?page=2" hx-select="#news-list &gt; *"' in html
        assert 'hx-select-oob="#news-list-more"' in html
        assert "Page 1 of 2" in html  # the page links stay
    last = client.get("/africa/benin/?page=2").content.decode()
    assert 'id="news-list-more"' in last and "Show more" not in last
    # The items htmx takes from the next page are the news items themselves.
    assert last.count('class="news-item"') == 3
