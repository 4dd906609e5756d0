"""Forum views, reached through ForumIndexPage's routes. They stay thin: the
work is done by forum.posting and forum.moderation."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.forms import SelectMultiple
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from community.models import User
from core import htmx
from core.languages import supported
from core.throttling import hit, requester_key
from notifications.follow_control import follow_response
from translations.middleware import prefixed

from . import moderation, posting, reading, redaction
from .cooking import cook, quote_markdown
from .errors import ForumError
from .forms import EditForm, FlagForm, MoveForm, ReplyForm, TopicForm
from .models import Flag, Forum, Post, PostLike, Topic, TopicReadState
from .models.post import MAX_POST_LENGTH
from .models.topic import POSTS_PER_PAGE
from .roles import is_moderator

TOPICS_PER_PAGE = 30


def render(request, index, template: str, context: dict, status: int = 200):
    context = {
        "page": index,
        "self": index,
        "is_moderator": is_moderator(request.user),
        **context,
    }
    response = TemplateResponse(request, template, context, status=status)
    retry_after = getattr(context.get("form"), "retry_after", None)
    if status == 429 and retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def varies_with_htmx(response):
    """For views that answer htmx with a fragment: caches keep the page and the
    fragment apart, and the anonymous page cache (core/page_cache.py) never
    stores a fragment (it skips private responses)."""
    patch_vary_headers(response, ["HX-Request"])
    if getattr(response, "_is_fragment", False):
        patch_cache_control(response, private=True, no_store=True)
    return response


def fragment(request, index, template: str, context: dict, status: int = 200):
    response = render(request, index, template, context, status)
    response._is_fragment = True
    return varies_with_htmx(response)


def composer_wait(user, kind: str = "post", seconds: int | None = None):
    """The countdown shown above a composer while the posting interval runs
    (forum.posting.check_rate_limit), or None when the member may post."""
    if seconds is None:
        seconds = posting.seconds_until_can_post(user, kind)
    if not seconds:
        return None
    # The same sentence is filled in by composer.js as the seconds go by.
    template = _("You can post again in %(duration)s.")
    duration = ngettext("%(count)s second", "%(count)s seconds", seconds) % {
        "count": seconds
    }
    return {
        "seconds": seconds,
        "template": template,
        "text": template % {"duration": duration},
    }


def wants_preview(request) -> bool:
    """The composer's Preview button, without JavaScript: the form is shown
    again with the cooked text, and nothing is posted."""
    return request.method == "POST" and "preview" in request.POST


def previewed(form_class, request, **kwargs):
    """The form again, unbound (no errors for a half-written post), holding
    what the member typed, and the preview of its body."""
    fields = form_class.base_fields
    initial = {
        name: request.POST.getlist(name)
        if isinstance(field.widget, SelectMultiple)
        else request.POST.get(name, "")
        for name, field in fields.items()
        if name in request.POST
    }
    form = form_class(initial={**kwargs.pop("initial", {}), **initial}, **kwargs)
    body = request.POST.get("body", "").strip()
    if len(body) > MAX_POST_LENGTH:
        error = ngettext(
            "The preview is limited to %(count)s character.",
            "The preview is limited to %(count)s characters.",
            MAX_POST_LENGTH,
        ) % {"count": MAX_POST_LENGTH}
        return form, {"preview_error": error, "keep_draft": True}
    return form, {"preview_html": cook(body)[0], "keep_draft": True}


def get_forum(request, forum_slug: str) -> Forum:
    """The forum, or 404. A forum the visitor may not read answers exactly as
    one that does not exist, so its slug tells nothing (not even "sign in")."""
    forum = Forum.objects.filter(slug=forum_slug).first()
    if forum is None or not forum.is_visible_to(request.user):
        raise Http404
    return forum


def get_topic(request, topic_id: int, forum: Forum | None = None) -> Topic:
    topics = Topic.objects.visible_to(request.user).select_related("forum", "author")
    topic = topics.filter(pk=topic_id).first()
    if topic is None:
        # Private and unknown topics answer alike: no way to probe which exist.
        raise Http404
    if forum is not None and topic.forum_id != forum.pk:
        raise Http404
    return topic


def forum_list(request, index):
    forums = Forum.objects.visible_to(request.user).select_related(
        "last_topic", "last_topic__last_poster", "subject__tag"
    )
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
    if request.user.is_authenticated:
        read = dict(
            TopicReadState.objects.filter(
                user=request.user, topic__in=[topic.pk for topic in page]
            ).values_list("topic_id", "last_read_number")
        )
        for topic in page:
            last_read = read.get(topic.pk)
            topic.unread = None if last_read is None else topic.post_count - last_read
            topic.is_new = last_read is None
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


def topic_detail(request, index, forum_slug: str, topic_id: int):
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
    if user.is_authenticated and posts:
        liked = set(
            PostLike.objects.filter(user=user, post__in=posts).values_list(
                "post_id", flat=True
            )
        )
        reading.mark_read(user, topic, min(last, topic.post_count))
    topic.forum = forum
    annotate_posts(user, topic, posts, liked)
    can_reply = _can_write(user, topic)
    context = {
        "forum": forum,
        "topic": topic,
        "posts": posts,
        "page_number": page_number,
        "page_count": topic.page_count,
        "pages": range(1, topic.page_count + 1),
        "tags": topic.tags.all(),
        "reply_form": ReplyForm(),
        "can_reply": can_reply,
        "can_mark_solution": posting.can_mark_solution(user, topic),
        **(composer_context(request, index, topic, page_number) if can_reply else {}),
        "wait": composer_wait(user) if can_reply else None,
    }
    return render(request, index, "forum/topic_detail.html", context)


def annotate_posts(user, topic: Topic, posts, liked=frozenset()) -> None:
    """What the post template asks of each post, without a query per post."""
    for post in posts:
        post.topic = topic  # already loaded: no query per post
        post.liked = post.pk in liked
        post.can_edit = posting.can_edit(user, post)
        post.can_delete = posting.can_delete(user, post)


def composer_context(
    request, index, topic: Topic, page_number: int | None = None
) -> dict:
    """The reply composer at the foot of a topic (and on its reply page).
    Its addresses come from the page being read, so they keep its language
    prefix (/ar/...) and the fragments answer in that language."""
    topic_url = request.path.removesuffix("reply/")
    return {
        "topic_url": topic_url,
        "action": f"{topic_url}reply/",
        "draft_key": f"reply:topic:{topic.pk}",
        "submit_label": _("Post reply"),
        "reply_page_number": page_number,
        **composer_urls(index),
    }


def composer_urls(index) -> dict:
    """The preview and @mention endpoints, in the language being read."""
    return {"forum_root": prefixed(index.url, get_language())}


def _can_write(user, topic: Topic) -> bool:
    try:
        posting.check_can_write(user, topic.forum, topic)
    except ForumError:
        return False
    return True


def submit(request, form, action):
    """Run `action(cleaned_data)` for a valid POSTed form. Returns (result,
    status): the result is None when there is nothing to do yet (GET), when
    the form is invalid (400) or when the action refused (its status), the
    refusal then being shown as a form error with the member's text kept."""
    if request.method != "POST":
        return None, 200
    if not form.is_valid():
        return None, 400
    try:
        return action(form.cleaned_data), 200
    except ForumError as error:
        form.add_error(None, error.message)
        form.retry_after = error.retry_after
        return None, error.status


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


def reply(request, index, forum_slug: str, topic_id: int):
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
            can_reply=_can_write(request.user, topic),
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


MENTION_SUGGESTIONS = 8


def preview(request, index):
    """The composer's preview: the text cooked exactly as a post is (same
    Markdown, sanitiser and @mention links), for signed-in members, limited
    in size like a post and lightly in rate. Answers the region's HTML."""
    if not request.user.is_authenticated:
        return HttpResponse(status=403)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    context = {}
    status = 200
    limit = hit(
        requester_key(request), settings.CHM_PREVIEW_RATE_LIMIT, "forum-preview"
    )
    body = request.POST.get("body", "").strip()
    if limit.exceeded:
        status = 429
        context["preview_error"] = ngettext(
            "Too many previews: please wait %(seconds)s second.",
            "Too many previews: please wait %(seconds)s seconds.",
            limit.retry_after,
        ) % {"seconds": limit.retry_after}
    elif len(body) > MAX_POST_LENGTH:
        status = 413
        context["preview_error"] = ngettext(
            "The preview is limited to %(count)s character.",
            "The preview is limited to %(count)s characters.",
            MAX_POST_LENGTH,
        ) % {"count": MAX_POST_LENGTH}
    else:
        context["preview_html"] = cook(body)[0]
    response = HttpResponse(
        render_to_string(
            "forum/includes/composer_preview.html", context, request=request
        ),
        status=status,
    )
    if status == 429:
        response["Retry-After"] = str(limit.retry_after)
    response._is_fragment = True
    return varies_with_htmx(response)


def mention_suggestions(request, index):
    """Members whose username or display name starts with ?q= (two letters
    at least), for @mention completion: active members only, signed-in
    askers only, and nothing but the public name and username."""
    if not request.user.is_authenticated:
        return JsonResponse({"results": []}, status=403)
    limit = hit(
        requester_key(request), settings.CHM_SUGGEST_RATE_LIMIT, "forum-mention"
    )
    if limit.exceeded:
        response = JsonResponse({"results": []}, status=429)
        response["Retry-After"] = str(limit.retry_after)
        return response
    prefix = request.GET.get("q", "").strip().lstrip("@")[:50]
    members = (
        User.objects.mention_candidates(prefix)[:MENTION_SUGGESTIONS]
        if len(prefix) >= 2
        else []
    )
    response = JsonResponse(
        {
            "results": [
                {"username": member.username, "name": member.get_display_name()}
                for member in members
            ]
        }
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


POST_ACTIONS = {
    "edit",
    "delete",
    "like",
    "unlike",
    "solution",
    "unsolve",
    "flag",
    "history",
    "redact",
    "hide",
    "restore",
}


# Actions that update the topic page in place under htmx.
IN_PLACE_POST_ACTIONS = {"like", "unlike", "solution", "unsolve"}


@htmx.vary_on_htmx
def post_action(request, index, post_id: int, action: str):
    if action not in POST_ACTIONS:
        raise Http404
    post = get_object_or_404(
        Post.objects.select_related("topic__forum", "author"), pk=post_id
    )
    topic = get_topic(request, post.topic_id)
    if not Post.objects.visible_to(request.user).filter(pk=post.pk).exists():
        raise Http404
    if action == "history":
        revisions = post.revisions.select_related("editor")
        return render(
            request,
            index,
            "forum/post_history.html",
            {
                "topic": topic,
                "post": post,
                "revisions": revisions,
                "can_redact": redaction.can_redact_post_history(request.user, post),
            },
        )
    if not request.user.is_authenticated:
        if request.htmx:
            return htmx.sign_in_first(request, topic.url_for_post_number(post.number))
        return redirect_to_login(request.get_full_path())
    if action == "redact":
        return redact_revision(request, index, post)
    if action == "edit":
        return edit_post(request, index, topic, post)
    if action == "flag":
        return flag_post(request, index, topic, post)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    previous_solution_id = topic.solution_id
    try:
        if action == "delete":
            posting.delete_post(post, request.user)
            messages.success(request, _("The post was deleted."))
            if post.is_first:
                return redirect(topic.forum.get_absolute_url())
        elif action == "like":
            posting.like_post(post, request.user)
        elif action == "unlike":
            posting.unlike_post(post, request.user)
        elif action == "solution":
            posting.mark_solution(post, request.user)
            if not request.htmx:
                messages.success(request, _("Marked as the solution."))
        elif action == "unsolve":
            posting.unmark_solution(topic, request.user)
        elif action == "hide":
            moderation.hide_post(post, request.user, request.POST.get("reason", ""))
        elif action == "restore":
            moderation.restore_post(post, request.user)
    except ForumError as error:
        if request.htmx:
            return htmx.refusal(request, error.message, error.status)
        if error.status != 400:
            return refused(request, index, error)
        messages.error(request, error.message)
        response = redirect(topic.url_for_post_number(post.number))
        response.status_code = 303
        return response
    if request.htmx and action in IN_PLACE_POST_ACTIONS:
        return post_controls(request, index, topic, post, action, previous_solution_id)
    return redirect(topic.url_for_post_number(post.number))


def post_controls(request, index, topic, post, action, previous_solution_id):
    """The fragment htmx swaps after a like or a solution: the post's fresh
    like count and state, or every solution marker that moved."""
    context = {"page": index, "topic": topic}
    if action in ("like", "unlike"):
        post.refresh_from_db(fields=["like_count"])
        post.liked = action == "like"
        context["post"] = post
        return htmx.fragment(request, "forum/includes/like_control.html", context)
    topic.refresh_from_db(fields=["solution"])
    previous = None
    if previous_solution_id and previous_solution_id != post.pk:
        previous = Post.objects.filter(pk=previous_solution_id).first()
    context |= {
        "post": post,
        "previous": previous,
        "can_mark_solution": posting.can_mark_solution(request.user, topic),
        "message": _("Marked as the solution.")
        if topic.solution_id == post.pk
        else _("No longer marked as the solution."),
    }
    return htmx.fragment(request, "forum/includes/solution_response.html", context)


def refused(request, index, error: ForumError):
    """A refusal a member should not have met (not allowed, too fast): its own
    status (403, 429) and the message, not a redirect that hides it."""
    return render(request, index, "403.html", {"message": error.message}, error.status)


def redact_revision(request, index, post):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    number = request.POST.get("revision", "")
    revision = (
        post.revisions.filter(number=number).first() if number.isdigit() else None
    )
    if revision is None:
        raise Http404
    try:
        redaction.redact_revision(
            revision, request.user, request.POST.get("reason", "")
        )
    except ForumError as error:
        return refused(request, index, error)
    messages.success(request, _("The version was redacted."))
    return redirect(request.path.removesuffix("redact/") + "history/")


def edit_post(request, index, topic, post):
    if not posting.can_edit(request.user, post):
        return render(request, index, "403.html", {}, 403)
    extra = {}
    if wants_preview(request):
        form, extra = previewed(EditForm, request, initial={"body": post.raw})
        edited, status = None, 200
    else:
        form = EditForm(request.POST or None, initial={"body": post.raw})
        edited, status = submit(
            request,
            form,
            lambda data: posting.edit_post(post, request.user, data["body"]),
        )
    if edited is not None:
        return redirect(topic.url_for_post_number(post.number))
    return render(
        request,
        index,
        "forum/post_edit.html",
        {
            "topic": topic,
            "post": post,
            "form": form,
            "action": request.path,
            **composer_urls(index),
            "draft_key": f"edit:post:{post.pk}",
            "submit_label": _("Save changes"),
            "cancel_url": topic.url_for_post_number(post.number, index.url),
            **extra,
        },
        status,
    )


def flag_post(request, index, topic, post):
    form = FlagForm(request.POST or None)
    flag, status = submit(
        request,
        form,
        lambda data: moderation.flag_post(
            post, request.user, data["reason"], data["text"]
        ),
    )
    if flag is not None:
        messages.success(request, _("Thank you: moderators will look at this post."))
        return redirect(topic.url_for_post_number(post.number))
    return render(
        request,
        index,
        "forum/flag_form.html",
        {"topic": topic, "post": post, "form": form},
        status,
    )


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
    except ForumError as error:
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
    if not is_moderator(request.user):
        return render(request, index, "403.html", {}, 403)
    form = MoveForm(request.POST or None, initial={"forum": topic.forum})
    if request.method == "POST" and form.is_valid():
        try:
            moderation.move_topic(topic, form.cleaned_data["forum"], request.user)
        except ForumError as error:
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


def moderators_only(method: str | None = None):
    """Visitors sign in, members get 403; `method` restricts the HTTP method."""

    def decorate(view):
        def wrapped(request, index, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not is_moderator(request.user):
                return render(request, index, "403.html", {}, 403)
            if method and request.method != method:
                return HttpResponseNotAllowed([method])
            return view(request, index, *args, **kwargs)

        return wrapped

    return decorate


@moderators_only()
def moderation_queue(request, index):
    flags = (
        Flag.objects.open()
        .select_related("post__topic__forum", "post__author", "reporter")
        .order_by("created_at")[:100]
    )
    held = (
        Post.objects.filter(is_held=True, is_deleted=False)
        .select_related("topic__forum", "author")
        .order_by("created_at")[:100]
    )
    return render(
        request,
        index,
        "forum/moderation_queue.html",
        {"flags": flags, "held": held},
    )


@moderators_only("POST")
def resolve_flag(request, index, flag_id: int):
    flag = get_object_or_404(
        Flag.objects.open().select_related("post__topic"), pk=flag_id
    )
    try:
        moderation.resolve_flag(flag, request.user, request.POST.get("outcome", ""))
    except ForumError as error:
        messages.error(request, error.message)
    return redirect(f"{index.url}moderation/")


@moderators_only("POST")
def review_held_post(request, index, post_id: int):
    post = get_object_or_404(
        Post.objects.select_related("topic", "author"), pk=post_id, is_held=True
    )
    if request.POST.get("decision") == "approve":
        moderation.approve_held_post(post, request.user)
    else:
        moderation.reject_held_post(post, request.user)
    return redirect(f"{index.url}moderation/")


def discuss_page(request, index, page_id: int):
    """Open (or find) the forum topic where an editorial page is discussed."""
    from wagtail.models import Page

    from .discussions import start_discussion

    page = get_object_or_404(Page.objects.live().public(), pk=page_id)
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        topic = start_discussion(page, request.user)
    except ForumError as error:
        messages.error(request, error.message)
        return redirect(page.url)
    return redirect(topic.get_absolute_url())
