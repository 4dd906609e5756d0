"""Issue 20: notifications are marked read in place (htmx) from the list and
the bell, and with plain forms without JavaScript."""

import json

from notifications.models import Notification

from ..factories import established, make_notifications

HTMX = {"HX-Request": "true"}


def test_one_notification_is_marked_read_in_place(client, network):
    member = established()
    first, _second = make_notifications(member, 2)
    client.force_login(member)
    html = client.get("/notifications/").content.decode()
    assert f'hx-post="/notifications/{first.pk}/read/"' in html

    response = client.post(f"/notifications/{first.pk}/read/", headers=HTMX)
    assert response.status_code == 200
    assert "HX-Request" in response["Vary"]
    html = response.content.decode()
    assert "<html" not in html
    assert f'id="notification-{first.pk}"' in html and "unread" not in html
    assert "Mark as read" not in html
    event = json.loads(response["HX-Trigger"])["chm:notifications-read"]
    assert event == {"id": first.pk, "unread": 1}
    first.refresh_from_db()
    assert first.read_at is not None


def test_one_notification_without_javascript_goes_back_to_the_list_page(
    client, network
):
    member = established()
    (item,) = make_notifications(member)
    client.force_login(member)
    response = client.post(
        f"/notifications/{item.pk}/read/", {"next": "/notifications/?page=2"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/notifications/?page=2"
    item.refresh_from_db()
    assert item.read_at is not None
    again = Notification.objects.create(
        recipient=member, kind="reply", title="Later", url="/forums/", event_key="k9"
    )
    response = client.post(
        f"/notifications/{again.pk}/read/", {"next": "https://example.com/"}
    )
    assert response["Location"] == "/notifications/"


def test_nobody_marks_someone_elses_notification(client, network):
    owner, member = established(), established()
    (item,) = make_notifications(owner)
    client.force_login(member)
    for headers in ({}, HTMX):
        response = client.post(f"/notifications/{item.pk}/read/", headers=headers)
        assert response.status_code == 404
    item.refresh_from_db()
    assert item.read_at is None


def test_visitors_are_sent_to_sign_in_and_get_needs_a_post(client, network):
    member = established()
    (item,) = make_notifications(member)
    response = client.post(f"/notifications/{item.pk}/read/", headers=HTMX)
    assert "/accounts/login/" in response["HX-Redirect"]
    response = client.post("/notifications/read-all/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(member)
    assert client.get(f"/notifications/{item.pk}/read/").status_code == 405
    item.refresh_from_db()
    assert item.read_at is None


def test_mark_all_read_in_place_says_so_in_the_status_region(client, network):
    member = established()
    make_notifications(member, 3)
    client.force_login(member)
    html = client.get("/notifications/").content.decode()
    # From the list and from the bell's panel.
    assert html.count('hx-post="/notifications/read-all/"') == 2
    response = client.post("/notifications/read-all/", headers=HTMX)
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#action-status"
    assert "HX-Request" in response["Vary"]
    assert "All notifications are marked as read." in response.content.decode()
    event = json.loads(response["HX-Trigger"])["chm:notifications-read"]
    assert event == {"id": "all", "unread": 0}
    assert not Notification.objects.filter(recipient=member, read_at=None).exists()
    # No "saved" message left over for the next page.
    page = client.get("/notifications/").content.decode()
    assert "All notifications are marked as read." not in page


def test_the_notification_list_offers_show_more(client, network):
    member = established()
    make_notifications(member, 31)
    client.force_login(member)
    html = client.get("/notifications/").content.decode()
    assert 'hx-select="#notification-list &gt; *"' in html
    assert 'id="notification-list-more"' in html and "Show more" in html
    assert 'rel="next" href="?page=2"' in html
