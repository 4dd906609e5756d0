"""Forums, topic lists and topics: reading, starting and replying, and the
actions on a whole topic (moderators' lock, pin, move, delete; anyone's
"mark as read")."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from wagtail.models import Page

from core import htmx, member_pages
from core.languages import supported
from core.refusals import Refusal
from notifications.follow_control import follow_response

from .. import moderation, posting, reading
from ..access import can_moderate, can_reply
from ..cooking import quote_markdown
from ..discussions import start_discussion
from ..forms import MoveForm, ReplyForm, TopicForm
from ..models import Forum, Post, PostLike, Topic
from ..models.topic import POSTS_PER_PAGE
from .common import (
    fragment,
    get_forum,
    get_topic,
    refused,
    render,
    varies_with_htmx,
)
from .composer import (
    composer_context,
    composer_urls,
    composer_wait,
    previewed,
    submit,
    wants_preview,
)

TOPICS_PER_PAGE = 30


def forum_list(request, index):
    forums = Forum.objects.visible_to(request.user).select_related(
        "last_topic", "last_topic__last_poster", "subject__tag"
    )
    # Nothing personal on this page but the site chrome's parts.
    member_pages.share(request)
    return render(request, index, "forum/forum_list.html", {"forums": forums})


def topic_list(request, index, forum_slug: str):
    forum = get_forum(request, forum_slug)
    topics = Topic.objects.visible_to(request.user).filter(forum=forum)
    tag_slug = request.GET.get("tag", "")[:100]
    if tag_slug:
        topics = topics.filter(tags__slug=tag_slug)
    language = supported(request.GET.get("lang"))
    topics = topics.in_language(language)
    filters = {
        key: value for key, value in (("tag", tag_slug), ("lang", language)) if value
    }
    page = Paginator(topics.for_listing().in_list_order(), TOPICS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    reading.show_unread(request.user, page)
    context = {
        "forum": forum,
        "topics": page,
        "tag_slug": tag_slug,
        "extra_query": f"&{urlencode(filters)}" if filters else "",
        "language": language,
    }
    return render(request, index, "forum/topic_list.html", context)


def post_number_range(topic: Topic, page_param) -> tuple[int, int]:
    try:
        page = int(page_param)
    except (TypeError, ValueError):
        page = 1
    page = min(max(page, 1), topic.page_count)
    return page, (page - 1) * POSTS_PER_PAGE + 1


def page_links(current: int, count: int) -> list[int | None]:
    """The page numbers to link for page `current` of `count`: the first, the
    last and two on each side of the current one, None for each gap (a
    topic of a thousand replies has 26 pages, too many for a phone's row)."""
    elided = Paginator(range(count), 1).get_elided_page_range(
        current, on_each_side=2, on_ends=1
    )
    return [number if isinstance(number, int) else None for number in elided]


def topic_detail(request, index, forum_slug: str, topic_id: int, topic_slug=""):
    """A topic, a page of its posts at a time. The id finds it; the slug in
    its address is for readers."""
    forum = get_forum(request, forum_slug)
    topic = get_topic(request, topic_id, forum)
    page_number, first = post_number_range(topic, request.GET.get("page"))
    last = first + POSTS_PER_PAGE - 1
    # Pages by post number: an index range, never a deep OFFSET.
    posts = list(
        Post.objects.visible_to(request.user)
        .filter(topic=topic, number__range=(first, last))
        .select_related("author", "author__country")
        .order_by("number")
    )
    user = request.user
    liked = set()
    # A member's likes are read by the post controls' personal part
    # (forum/personal.py); only a page rendered in place needs them here.
    if user.is_authenticated and posts and not member_pages.marking(request):
        liked = set(
            PostLike.objects.filter(user=user, post__in=posts).values_list(
                "post_id", flat=True
            )
        )
    if user.is_authenticated and posts:
        # Again whenever the page is served from the members' shared cache.
        member_pages.on_view(
            request, "forum.mark_read", topic.pk, min(last, topic.post_count)
        )
    topic.forum = forum
    annotate_posts(user, topic, posts, liked)
    may_reply = can_reply(user, topic)
    context = {
        "forum": forum,
        "topic": topic,
        "posts": posts,
        "page_number": page_number,
        "page_count": topic.page_count,
        "pages": page_links(page_number, topic.page_count),
        "tags": topic.tags.all(),
        "reply_form": ReplyForm(),
        "can_reply": may_reply,
        "can_mark_solution": posting.can_mark_solution(user, topic),
        **(composer_context(request, index, topic, page_number) if may_reply else {}),
        "wait": composer_wait(user) if may_reply else None,
        "personal_wait": True,
    }
    # What is one member's own on this page is in personal parts: the likes
    # and post controls, the follow control, the countdown (forum/personal.py).
    member_pages.share(request)
    return render(request, index, "forum/topic_detail.html", context)


def annotate_posts(user, topic: Topic, posts, liked=frozenset()) -> None:
    """What the post template asks of each post, without a query per post."""
    for post in posts:
        post.topic = topic  # already loaded: no query per post
        post.liked = post.pk in liked
        post.can_edit = posting.can_edit(user, post)
        post.can_delete = posting.can_delete(user, post)


def new_topic(request, index, forum_slug: str):
    forum = get_forum(request, forum_slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    extra = {}
    if wants_preview(request):
        form, extra = previewed(TopicForm, request)
        topic, status = None, 200
    else:
        form = TopicForm(request.POST or None)
        topic, status = submit(
            request,
            form,
            lambda data: posting.create_topic(
                forum, request.user, data["title"], data["body"], tags=data["tags"]
            ),
        )
    if topic is not None:
        if topic.is_hidden:
            messages.info(
                request, _("Your topic will appear once a moderator has reviewed it.")
            )
        return redirect(topic.get_absolute_url())
    context = {
        "forum": forum,
        "form": form,
        "action": request.path,
        **composer_urls(index),
        "draft_key": f"topic:forum:{forum.pk}",
        "submit_label": _("Start the topic"),
        "wait": composer_wait(
            request.user, "topic", getattr(form, "retry_after", None)
        ),
        **extra,
    }
    return render(request, index, "forum/topic_form.html", context, status)


def reply(request, index, forum_slug: str, topic_id: int, topic_slug=""):
    """The reply form. With htmx (the composer at the foot of a topic) it
    answers with fragments: the composer again, and the new post appended to
    the list; without, it redirects to the new post as a plain form does."""
    forum = get_forum(request, forum_slug)
    topic = get_topic(request, topic_id, forum)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    topic.forum = forum
    in_place = bool(request.htmx)
    on_page = request.POST.get("on_page", "")
    context = {
        "forum": forum,
        "topic": topic,
        **composer_context(
            request, index, topic, int(on_page) if on_page.isdigit() else None
        ),
        "in_place": in_place,
    }
    template = (
        "forum/includes/reply_fragment.html" if in_place else "forum/reply_form.html"
    )
    show = fragment if in_place else render
    if wants_preview(request):
        form, extra = previewed(ReplyForm, request)
        context.update(form=form, wait=composer_wait(request.user), **extra)
        return varies_with_htmx(show(request, index, template, context))
    form = ReplyForm(request.POST or None, initial=quoted_reply(request, topic))

    def write(data):
        quoted = data.get("reply_to")
        reply_to = (
            Post.objects.filter(topic=topic, pk=quoted).first() if quoted else None
        )
        return posting.reply(topic, request.user, data["body"], reply_to)

    post, status = submit(request, form, write)
    if post is not None:
        notice = (
            _("Your reply will appear once a moderator has reviewed it.")
            if post.is_held
            else ""
        )
        post_page = (post.number - 1) // POSTS_PER_PAGE + 1
        if not in_place or context["reply_page_number"] != post_page:
            # Without htmx, or written from another page of the topic: go to
            # the post, on its own page.
            if notice:
                messages.info(request, notice)
            # In the language the member is writing in.
            address = topic.url_for_post_number(post.number, context["forum_root"])
            response = redirect(address)
            if in_place:
                response = HttpResponse(status=204)
                response["HX-Redirect"] = address
            return varies_with_htmx(response)
        post.author = request.user
        annotate_posts(request.user, topic, [post])
        context.update(
            form=ReplyForm(),
            new_post=post,
            notice=notice,
            can_reply=can_reply(request.user, topic),
            can_mark_solution=posting.can_mark_solution(request.user, topic),
            wait=composer_wait(request.user),
        )
        return fragment(request, index, template, context)
    context.update(
        form=form,
        wait=composer_wait(request.user, seconds=getattr(form, "retry_after", None)),
    )
    return varies_with_htmx(show(request, index, template, context, status))


def quoted_reply(request, topic: Topic) -> dict:
    """?quote=<post id>: the reply starts with a Markdown quote of that post."""
    quote_id = request.GET.get("quote", "")
    if not quote_id.isdigit():
        return {}
    quoted = (
        Post.objects.visible_to(request.user)
        .filter(topic=topic, pk=quote_id)
        .select_related("author")
        .first()
    )
    if quoted is None:
        return {}
    return {
        "body": quote_markdown(f"@{quoted.author.username}", quoted.raw),
        "reply_to": quoted.pk,
    }


TOPIC_ACTIONS = {"follow", "lock", "unlock", "pin", "unpin", "delete", "move", "read"}


@htmx.vary_on_htmx
def topic_action(request, index, topic_id: int, action: str):
    if action not in TOPIC_ACTIONS:
        raise Http404
    topic = get_topic(request, topic_id)
    if not request.user.is_authenticated:
        if request.htmx:
            return htmx.sign_in_first(request, topic.forum.get_absolute_url())
        return redirect_to_login(topic.get_absolute_url())
    if action == "move":
        return move_topic(request, index, topic)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if action == "read":
        return mark_topic_read(request, index, topic)
    if action == "follow":
        # The old address of the topic's follow form: the one control's answer.
        return follow_response(request, topic, topic.get_absolute_url())
    try:
        if action == "delete":
            moderation.delete_topic(topic, request.user, request.POST.get("reason", ""))
            return redirect(topic.forum.get_absolute_url())
        else:
            getattr(moderation, f"{action}_topic")(topic, request.user)
    except Refusal as error:
        if error.status != 400:
            return refused(request, index, error)
        messages.error(request, error.message)
    return redirect(topic.get_absolute_url())


def mark_topic_read(request, index, topic):
    reading.mark_topic_read(request.user, topic)
    if request.htmx:
        topic.is_new, topic.unread = False, 0
        return htmx.fragment(
            request,
            "forum/includes/read_marker.html",
            {"page": index, "topic": topic, "marked_read": True},
        )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        target = topic.forum.get_absolute_url()
    return redirect(target)


def move_topic(request, index, topic):
    if not can_moderate(request.user):
        return render(request, index, "403.html", {}, 403)
    form = MoveForm(request.POST or None, initial={"forum": topic.forum})
    if request.method == "POST" and form.is_valid():
        try:
            moderation.move_topic(topic, form.cleaned_data["forum"], request.user)
        except Refusal as error:
            form.add_error("forum", error.message)
        else:
            return redirect(topic.get_absolute_url())
    return render(
        request, index, "forum/move_form.html", {"topic": topic, "form": form}
    )


def follow_forum(request, index, forum_slug: str):
    """The old address of the forum's follow form (the page now shows the one
    follow control, posting to notifications:follow): still answers a POST."""
    forum = get_forum(request, forum_slug)
    if not request.user.is_authenticated:
        return redirect_to_login(forum.get_absolute_url())
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return follow_response(request, forum, forum.get_absolute_url())


def discuss_page(request, index, page_id: int):
    """Open (or find) the forum topic where an editorial page is discussed."""
    page = get_object_or_404(Page.objects.live().public(), pk=page_id)
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        topic = start_discussion(page, request.user)
    except Refusal as error:
        messages.error(request, error.message)
        return redirect(page.url)
    return redirect(topic.get_absolute_url())
