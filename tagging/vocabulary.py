"""The shared tag vocabulary: how many tags an item may carry, how long a tag
may be, and which tags the public sees.

Anything a member writes that waits for review (a toolkit proposal, a held
topic, a blog draft) must not put words in front of the whole network. So a
tag is listed (tag lists, the tag page) only when it is a CBD subject or
carries at least one piece of content that readers can see (or nothing
carries it yet: the vocabulary editors keep); which content is
public is said by each app, registered from its `AppConfig.ready()`:

    register_public_tag_use(
        lambda: TaggedTopic.objects.filter(
            content_object__in=Topic.objects.public()
        ).values("tag_id")
    )
"""

from collections.abc import Callable, Iterable

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from taggit.models import ItemBase, Tag

# As Discourse does: enough to classify, too few to spam followers of many tags.
MAX_TAGS_PER_ITEM = 5
MAX_TAG_LENGTH = 50

_public_uses: list[Callable[[], QuerySet]] = []


def register_public_tag_use(tag_ids: Callable[[], QuerySet]) -> None:
    """`tag_ids()` returns a `values("tag_id")` QuerySet of the tags on an
    app's public content."""
    _public_uses.append(tag_ids)


def _unused() -> Q:
    """Tags nothing carries yet (the vocabulary editors keep)."""
    unused = Q()
    for relation in Tag._meta.related_objects:
        if issubclass(relation.related_model, ItemBase):
            tagged = relation.related_model._base_manager.filter(
                **{relation.field.name: OuterRef("pk")}
            )
            unused &= ~Exists(tagged)
    return unused


def listed_tags() -> QuerySet:
    """Tags the public may see: CBD subjects, tags of public content, and
    tags nothing carries yet; never a tag only unpublished content carries."""
    shown = Q(subject__isnull=False) | _unused()
    for tag_ids in _public_uses:
        shown |= Q(pk__in=tag_ids())
    return Tag.objects.filter(shown)


def too_many_tags_message() -> str:
    return ngettext(
        "At most %(count)d tag, please.",
        "At most %(count)d tags, please.",
        MAX_TAGS_PER_ITEM,
    ) % {"count": MAX_TAGS_PER_ITEM}


def check_tags(names: Iterable[str], known: Iterable[str] = ()) -> list[str]:
    """The new tag names `names` an item may carry beside the tags it takes
    from the vocabulary (`known`, names of existing tags such as the CBD
    subjects, whose length is the vocabulary's business), or a
    ValidationError saying why not. Returns `names` without repeats.

    Called by forms (as a field error) and by the write functions behind them,
    so no other path (a command, the API, a test) can go around the limits.
    """
    names = [str(name).strip() for name in names]
    if any(not name for name in names):
        raise ValidationError(_("A tag cannot be empty."))
    if any(len(name) > MAX_TAG_LENGTH for name in names):
        raise ValidationError(
            _("A tag may have at most %(count)d characters.")
            % {"count": MAX_TAG_LENGTH}
        )
    known = {str(name).casefold() for name in known}
    unique = {name.casefold(): name for name in names if name.casefold() not in known}
    if len(unique) + len(known) > MAX_TAGS_PER_ITEM:
        raise ValidationError(too_many_tags_message())
    return list(unique.values())
