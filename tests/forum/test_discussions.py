from taggit.models import Tag

from community.models import Subject
from forum.models import Forum, Topic

from ..factories import established, make_post


def test_a_news_post_is_discussed_in_the_forum_of_its_subject(client, forums, network):
    forest = Tag.objects.create(name="Forest", slug="forest-subject")
    subject = Subject.objects.create(
        tag=forest, code="CBD-SUBJECT-FOR", kind="thematic"
    )
    Forum.objects.filter(pk=forums.public.pk).update(subject=subject)
    post = make_post(network.benin, 1, tags=[forest])
    member = established()

    html = client.get(post.url).content.decode()
    assert "No discussion yet." in html

    client.force_login(member)
    assert "Start a discussion in the forums" in client.get(post.url).content.decode()
    response = client.post(f"/forums/discuss/{post.pk}/")
    topic = Topic.objects.get(page=post)
    assert response.status_code == 302
    assert response["Location"] == topic.get_absolute_url()
    assert topic.forum == forums.public
    assert list(topic.tags.all()) == [forest]
    assert "Join the discussion" in client.get(post.url).content.decode()

    # Starting again finds the same topic.
    other = established()
    client.force_login(other)
    client.post(f"/forums/discuss/{post.pk}/")
    assert Topic.objects.filter(page=post).count() == 1


def test_discussions_need_a_signed_in_member_and_a_live_page(client, forums, network):
    post = make_post(network.benin, 1)
    response = client.post(f"/forums/discuss/{post.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(established())
    assert client.post("/forums/discuss/999999/").status_code == 404
    assert not Topic.objects.exists()
