"""The kinds of things members can follow, by a short public name.

Following something shows its title and address back to the member (on
/notifications/following/), so a member may follow only what they may read.
Each kind therefore comes with the rule of who sees which objects: the app that
owns the model registers it from its `AppConfig.ready()` (the forum registers
forums and topics, toolkits its libraries), as this app knows no content app.
The kinds of the floors below (community, tags) are registered here.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db.models import QuerySet
from django.urls import reverse


@dataclass(frozen=True)
class FollowableKind:
    name: str
    label: str  # "app_label.ModelName"
    # (user, queryset of the model) -> the part of it `user` may read.
    visible_to: Callable[[object, QuerySet], QuerySet]
    # obj -> its address, for models without get_absolute_url() or a page url.
    url_of: Callable[[object], str] | None = None

    @property
    def model(self):
        return apps.get_model(self.label)

    def objects_for(self, user) -> QuerySet:
        return self.visible_to(user, self.model._default_manager.all())


_KINDS: dict[str, FollowableKind] = {}


def register_followable(
    name: str,
    label: str,
    visible_to: Callable[[object, QuerySet], QuerySet],
    url_of: Callable[[object], str] | None = None,
) -> None:
    """Let members follow objects of `label` under `name`; `visible_to(user,
    queryset)` keeps what `user` may read (the same rule as the object's page);
    `url_of(obj)` gives its address when the model has none of its own."""
    _KINDS[name] = FollowableKind(name, label, visible_to, url_of)


def followable_kind(name: str) -> FollowableKind | None:
    return _KINDS.get(name)


def followable_model(name: str):
    kind = _KINDS.get(name)
    return kind.model if kind else None


def followable_name(obj) -> str | None:
    label = obj._meta.label
    return next((kind.name for kind in _KINDS.values() if kind.label == label), None)


def followable_url(obj) -> str:
    """Where `obj` is shown: its own page, or "" when it has none."""
    kind = kind_for_model(type(obj))
    if kind and kind.url_of:
        return kind.url_of(obj)
    if hasattr(obj, "get_absolute_url"):
        return obj.get_absolute_url()
    return getattr(obj, "url", None) or ""


def kind_for_model(model) -> FollowableKind | None:
    label = model._meta.label
    return next((kind for kind in _KINDS.values() if kind.label == label), None)


def readable_followable(name: str, pk: int, user):
    """The object of kind `name` and id `pk` if `user` may read it, else None:
    unknown and unreadable look the same to the caller."""
    kind = _KINDS.get(name)
    if kind is None:
        return None
    return kind.objects_for(user).filter(pk=pk).first()


def _live_pages(user, pages: QuerySet) -> QuerySet:
    return pages.live()


def _active_members(user, members: QuerySet) -> QuerySet:
    return members.filter(is_active=True)


def _everything(user, objects: QuerySet) -> QuerySet:
    return objects


register_followable("country", "community.CountryPage", _live_pages)
register_followable("region", "community.RegionPage", _live_pages)
register_followable("member", "community.User", _active_members)


def _tag_url(tag) -> str:
    return reverse("tagging:tag", args=[tag.slug])


register_followable("tag", "taggit.Tag", _everything, _tag_url)
