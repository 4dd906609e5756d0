"""Members propose toolkits; moderators publish them; the proposer is told.

A proposal becomes an unpublished ToolkitPage owned by the proposer, with a
revision, submitted to its library's moderation workflow ("Toolkit review").
"""

import logging
from dataclasses import dataclass, field
from datetime import date
from types import SimpleNamespace

from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from taggit.models import Tag
from taggit.utils import edit_string_for_tags, parse_tags

from core.object_storage import STORAGE_ERRORS
from tagging.vocabulary import MAX_TAG_LENGTH, MAX_TAGS_PER_ITEM, check_tags

from .models import (
    RESERVED_SLUGS,
    ToolkitLanguage,
    ToolkitLibraryPage,
    ToolkitPage,
    ToolkitResource,
)

logger = logging.getLogger(__name__)


@dataclass
class ToolkitProposal:
    title: str
    summary: str
    file: object  # an uploaded file, already validated
    languages: list[str]
    description: str = ""
    file_title: str = ""
    file_language: str = "en"
    link_url: str = ""
    subjects: list[Tag] = field(default_factory=list)
    free_tags: list[str] = field(default_factory=list)
    min_level: int = 0
    max_level: int = 5
    audience: str = ""
    publisher: str = ""
    authors: str = ""
    licence: str = ""
    publication_date: date | None = None
    version: str = ""
    country: object = None

    @classmethod
    def from_form(cls, cleaned: dict) -> "ToolkitProposal":
        names = cls.__dataclass_fields__
        values = {k: v for k, v in cleaned.items() if k in names and v is not None}
        return cls(**values)


def text_to_html(text: str) -> str:
    """Plain text paragraphs as the rich text of the description, escaped."""
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>{}</p>".format(escape(p).replace("\n", "<br/>")) for p in paragraphs if p
    )


def free_slug(library: ToolkitLibraryPage, title: str) -> str:
    base = (slugify(title, allow_unicode=True) or "toolkit")[:200]
    taken = (
        set(
            library.get_children()
            .filter(slug__startswith=base)
            .values_list("slug", flat=True)
        )
        | RESERVED_SLUGS
    )
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def split_known_tags(names: list[str]) -> tuple[list[Tag], list[str]]:
    """The existing tags among `names` (whatever their case), and the names
    that are new to the network."""
    if not names:
        return [], []
    match = Q()
    for name in names:
        match |= Q(name__iexact=name)
    known = {tag.name.casefold(): tag for tag in Tag.objects.filter(match)}
    return (
        [known[name.casefold()] for name in names if name.casefold() in known],
        [name for name in names if name.casefold() not in known],
    )


def adopt_proposed_tags(page: ToolkitPage, revision=None) -> None:
    """On publication, the proposed words become tags of the network (within
    the limit per item) and the toolkit carries them."""
    if not page.proposed_tags:
        return
    names = [n for n in parse_tags(page.proposed_tags) if len(n) <= MAX_TAG_LENGTH]
    room = max(0, MAX_TAGS_PER_ITEM - len(page.tags.all()))
    with transaction.atomic():
        if names[:room]:
            page.tags.add(*names[:room])
        page.proposed_tags = ""
        page.save(update_fields=["proposed_tags", "tagged_items"], clean=False)
        if revision is not None:
            # The admin edits from the latest revision: let it show the result.
            revision.content = page.serializable_data()
            revision.save(update_fields=["content"])


def propose_toolkit(
    user, library: ToolkitLibraryPage, proposal: ToolkitProposal
) -> ToolkitPage:
    """Create the unpublished toolkit and submit it for review, all or nothing.

    Raises ValidationError when the tags break the network's limits."""
    check_tags(proposal.free_tags, known=[tag.name for tag in proposal.subjects])
    stored: list[ToolkitResource] = []
    try:
        with transaction.atomic():
            page = ToolkitPage(
                title=proposal.title,
                slug=free_slug(library, proposal.title),
                summary=proposal.summary,
                description=text_to_html(proposal.description),
                min_level=proposal.min_level,
                max_level=proposal.max_level,
                audience=proposal.audience,
                publisher=proposal.publisher,
                authors=proposal.authors,
                licence=proposal.licence,
                version=proposal.version,
                country=proposal.country,
                live=False,
                owner=user,
            )
            if proposal.publication_date:
                page.publication_date = proposal.publication_date
            known, new = split_known_tags(proposal.free_tags)
            # Only tags that exist already: new words become tags when a
            # moderator publishes the toolkit (adopt_proposed_tags).
            page.tags.add(*proposal.subjects, *known)
            page.proposed_tags = edit_string_for_tags(
                [SimpleNamespace(name=name) for name in new]
            )
            for code in dict.fromkeys(proposal.languages):
                page.toolkit_languages.add(ToolkitLanguage(language=code))
            document = ToolkitResource(
                title=proposal.file_title or proposal.title,
                kind=ToolkitResource.Kind.DOCUMENT,
                file=proposal.file,
                language=proposal.file_language,
            )
            stored.append(document)
            page.resources.add(document)
            if proposal.link_url:
                page.resources.add(
                    ToolkitResource(
                        title=proposal.link_url,
                        kind=ToolkitResource.Kind.LINK,
                        url=proposal.link_url,
                        language=proposal.file_language,
                    )
                )
            library.add_child(instance=page)
            page.save_revision(user=user, log_action=True)
            workflow = page.get_workflow()
            if workflow is not None:
                workflow.start(page, user)
    except Exception:
        # The database rolled back: do not leave the stored file behind.
        for resource in stored:
            if resource.file and resource.file._committed:
                try:
                    resource.file.delete(save=False)
                except STORAGE_ERRORS:
                    logger.warning("could not remove %s", resource.file.name)
        raise
    return page


def tell_proposer(workflow_state, approved: bool) -> None:
    """Email the member who submitted a toolkit the outcome of its review."""
    page = workflow_state.content_object
    page = getattr(page, "specific_deferred", page)  # a plain Page otherwise
    proposer = workflow_state.requested_by
    if not isinstance(page, ToolkitPage) or proposer is None or not proposer.email:
        return
    context = {"title": page.title, "name": proposer.get_display_name()}
    if approved:
        page.refresh_from_db()
        subject = _("Your toolkit “%(title)s” is published") % context
        body = _(
            "Hello %(name)s,\n\nThank you: your toolkit “%(title)s” was reviewed "
            "and is now published for the whole CHM network:\n%(url)s\n"
        ) % {**context, "url": page.get_full_url() or page.url_path}
    else:
        task_state = workflow_state.current_task_state
        comment = task_state.specific.get_comment() if task_state else ""
        subject = _("Your toolkit “%(title)s” needs changes") % context
        body = (
            _(
                "Hello %(name)s,\n\nThank you for proposing the toolkit “%(title)s”. "
                "The reviewers could not publish it as it is.\n"
            )
            % context
        )
        if comment:
            body += "\n" + _("Their comment: %(comment)s") % {"comment": comment} + "\n"
    recipient = proposer.email
    # The outcome also appears in the proposer's notifications (the bell).
    from notifications.audiences import Draft
    from notifications.delivery import store_in_app
    from notifications.kinds import MODERATION

    url = page.url if approved else "/toolkits/"
    outcome = "approved" if approved else "changes"
    transaction.on_commit(
        lambda: store_in_app(
            Draft(
                proposer.pk,
                MODERATION,
                subject,
                url or "/",
                f"toolkit:{outcome}:{workflow_state.pk}",
                None,
            )
        )
    )

    def send() -> None:
        try:
            send_mail(subject, body, None, [recipient])
        except Exception:  # a mail server down must not undo the review
            logger.exception("Could not tell %s about toolkit %s", recipient, page.pk)

    transaction.on_commit(send)
