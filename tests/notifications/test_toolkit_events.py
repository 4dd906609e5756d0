from taggit.models import Tag

from notifications.models import Notification
from notifications.subscriptions import set_watch_level

from ..factories import established, make_toolkit


def test_published_toolkits_notify_library_and_tag_watchers(
    client,
    library,
    django_capture_on_commit_callbacks,
):
    cepa = Tag.objects.create(name="CEPA", slug="cepa-t")
    library_fan, tag_fan, bystander = established(), established(), established()
    client.force_login(library_fan)
    assert 'name="level"' in client.get("/toolkits/").content.decode()
    client.post(f"/notifications/follow/library/{library.pk}/", {"level": "watching"})
    set_watch_level(tag_fan, cepa, "watching")
    page = make_toolkit(library, 1, tags=[cepa], live=False, revision=False)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    for fan in (library_fan, tag_fan):
        note = Notification.objects.get(recipient=fan)
        assert note.kind == "toolkit" and "Toolkit 1" in note.title
    assert not Notification.objects.filter(recipient=bystander).exists()
