"""Issue 20: blocking asks first (a dialog with scripts, a page without), and
sits away from Send."""

import pytest

from messaging.models import Block

from ..factories import established


@pytest.fixture
def alice(db):
    return established(username="alice", display_name="Alice Expert")


@pytest.fixture
def bob(db):
    return established(username="bob", display_name="Bob Newcomer")


def test_the_conversation_links_to_the_question_and_carries_the_dialog(
    client, alice, bob
):
    client.force_login(alice)
    html = client.get("/messages/with/bob/").content.decode()
    link = 'href="/messages/with/bob/block/" data-dialog="block-dialog"'
    assert link in html
    # The block control comes before the message form, not under Send.
    assert html.index(link) < html.index(">Send</button>")
    dialog = html[html.index('<dialog id="block-dialog"') :]
    assert "Block Bob Newcomer?" in dialog
    assert 'action="/messages/with/bob/block/"' in dialog
    assert 'formmethod="dialog"' in dialog  # Cancel closes without posting
    assert not Block.objects.exists()


def test_without_javascript_the_link_asks_and_the_post_blocks(client, alice, bob):
    client.force_login(alice)
    page = client.get("/messages/with/bob/block/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Block Bob Newcomer?" in html
    assert 'href="/messages/with/bob/">Cancel</a>' in html
    assert not Block.objects.exists()
    response = client.post("/messages/with/bob/block/")
    assert response.status_code == 302
    assert Block.objects.filter(blocker=alice, blocked=bob).exists()
    html = client.get("/messages/with/bob/").content.decode()
    assert 'href="/messages/with/bob/unblock/" data-dialog="block-dialog"' in html
    assert "Unblock Bob Newcomer?" in html


def test_unblocking_asks_too_and_then_unblocks(client, alice, bob):
    Block.objects.create(blocker=alice, blocked=bob)
    client.force_login(alice)
    html = client.get("/messages/with/bob/unblock/").content.decode()
    assert "Unblock Bob Newcomer?" in html
    assert Block.objects.exists()
    client.post("/messages/with/bob/unblock/")
    assert not Block.objects.exists()


def test_visitors_are_sent_to_sign_in_and_nobody_blocks_themselves(client, alice, bob):
    for path in ("/messages/with/bob/block/", "/messages/with/bob/unblock/"):
        response = client.get(path)
        assert (
            response.status_code == 302 and "/accounts/login/" in response["Location"]
        )
        assert client.post(path).status_code == 302
    assert not Block.objects.exists()
    client.force_login(alice)
    assert client.get("/messages/with/alice/block/").status_code == 400
    assert client.post("/messages/with/alice/block/").status_code == 400
    assert not Block.objects.exists()
