from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from community.national_spaces import assign_national_editor
from messaging.sending import send_message
from notifications.emails import unsubscribe_token
from notifications.kinds import kind_choices
from notifications.models import Notification, PushSubscription
from targets.editing import publish_target

from ..factories import (
    UserFactory,
    calendar_of,
    cooperation_subjects,
    load_gbf,
    make_event,
    make_offer,
    make_request,
    make_subject,
    make_target,
)


@pytest.fixture(autouse=True)
def _media_in_tmp(media_in_tmp):
    """Uploaded and seeded files go to a temporary folder."""


@pytest.fixture
def subjects(db):
    """Forest, marine and invasive alien species: Subject rows, by attribute
    (the root conftest.py's `subjects` are tags by slug)."""
    return cooperation_subjects()


@pytest.fixture
def world(content, people):
    network = content.network
    # A second national editor of Benin asks for help; for everyone in ROLES
    # the request is someone else's.
    owner = UserFactory(username="owner", country=network.benin)
    assign_national_editor(owner, network.benin)
    expert = UserFactory(username="expert", verified_expert=True)
    forest = make_subject("CBD-SUBJECT-FOREST-M", "Forest matrix")
    coop = make_request(owner, network.benin, [forest])
    offer = make_offer(owner, [forest])
    topic = content.topic
    post = topic.posts.get(number=2)
    index = content.forums.index
    send_message(people.member, owner, "Hello")
    notification = Notification.objects.create(
        recipient=owner,
        kind=kind_choices()[0][0],
        title="x",
        url="/",
        event_key="matrix",
    )
    device = PushSubscription.objects.create(
        user=owner, endpoint="https://push.example.org/owner", p256dh="k", auth="a"
    )
    document = Document.objects.create(
        title="Report", file=ContentFile(b"%PDF-1.4 report", name="report.pdf")
    )
    toolkit = content.toolkit
    from toolkits.models import ToolkitResource

    resource = ToolkitResource.objects.create(
        page=toolkit, title="File", file=ContentFile(b"%PDF-1.4 x", name="f.pdf")
    )
    members_topic = content.members_topic
    hidden_topic = content.hidden_topic
    calendar = calendar_of(network.benin)
    event = make_event(calendar, "Matrix workshop", tags=["forest"])
    draft_event = make_event(calendar, "Matrix draft", live=False)
    load_gbf()
    target = make_target(owner, network.benin, published=False, title="Matrix target")
    publish_target(people.focal_benin, target)
    draft_target = make_target(owner, network.benin, published=False)
    from targets.models import EvidenceDocument

    target_document, draft_document = (
        EvidenceDocument.objects.create(
            national_target=on,
            title="Evidence",
            file=ContentFile(b"%PDF-1.4 evidence", name="evidence.pdf"),
            file_format="pdf",
            uploaded_by=owner,
        )
        for on in (target, draft_target)
    )
    return SimpleNamespace(
        target=target,
        draft_target=draft_target,
        target_document=target_document,
        draft_document=draft_document,
        event=event,
        draft_event=draft_event,
        content=content,
        benin=network.benin,
        owner=owner,
        roles={
            "anon": None,
            "member": people.member,
            "expert": expert,
            "editor": people.editor_benin,
            "focal": people.focal_benin,
            "focal_ke": people.focal_kenya,
            "mod": people.moderator,
            "staff": people.staff,
        },
        coop=coop,
        offer=offer,
        forum=content.forums.public,
        topic=topic,
        post=post,
        members_post=members_topic.posts.get(number=1),
        topic_url=index.url
        + index.reverse_subpage("topic", args=[topic.forum.slug, topic.pk, topic.slug]),
        members_topic_url=index.url
        + index.reverse_subpage(
            "topic",
            args=[members_topic.forum.slug, members_topic.pk, members_topic.slug],
        ),
        hidden_topic_url=index.url
        + index.reverse_subpage(
            "topic", args=[hidden_topic.forum.slug, hidden_topic.pk, hidden_topic.slug]
        ),
        news=content.benin_news[0],
        notification=notification,
        device=device,
        token=unsubscribe_token(owner),
        document=document,
        download_url=resource.get_download_url(),
    )
