"""What the forum does when the community tells of a change
(community.signals): members hear about the forums of their expertise unless
they chose another level for them."""

from django.dispatch import receiver

from community.signals import expertise_chosen
from notifications.subscriptions import watch_if_not_following

from .models import Forum


@receiver(expertise_chosen, dispatch_uid="watch_forums_of_expertise")
def watch_forums_of_expertise(sender, user, subjects, **kwargs) -> None:
    for forum in Forum.objects.visible_to(user).filter(subject__in=subjects):
        watch_if_not_following(user, forum)
