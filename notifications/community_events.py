"""What notifications does when the community tells of a change
(community.signals): a new focal point watches their country, unless they
chose another level for it before."""

from django.dispatch import receiver

from community.signals import focal_point_assigned

from .subscriptions import watch_if_not_following


@receiver(focal_point_assigned, dispatch_uid="focal_point_watches_country")
def focal_point_watches_country(sender, user, country, **kwargs) -> None:
    watch_if_not_following(user, country)
