"""Tell a member about a new private message through the notifications app's
delivery, so the bell and their email choices apply as for any notice."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

MESSAGE = "message"


def register_kinds() -> None:
    """The kind of notification a private message creates (from
    `MessagingConfig.ready()`)."""
    from notifications.kinds import register_kind

    register_kind(MESSAGE, gettext_lazy("Private message to you"), order=110)


@task()
def message_sent(message_id: int) -> int:
    from notifications.audiences import Draft
    from notifications.delivery import deliver
    from notifications.naming import member_label

    from .models import Message, message_event_key

    message = Message.objects.select_related("sender").filter(pk=message_id).first()
    if message is None:
        return 0
    draft = Draft(
        recipient_id=message.recipient_id,
        kind=MESSAGE,
        title=_("Private message from %(name)s")
        % {"name": member_label(message.sender)},
        url=reverse("messaging:conversation", args=[message.sender.username]),
        event_key=message_event_key(message.pk),
        actor_id=message.sender_id,
    )
    return len(deliver([draft]))
