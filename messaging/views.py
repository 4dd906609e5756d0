from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.refusals import Refusal, refusal_response, show_on_form

from .forms import MessageForm
from .models import Block, Message
from .sending import (
    block_member,
    check_can_write,
    mark_conversation_read,
    send_message,
    unblock_member,
)

CONVERSATIONS_PER_PAGE = 30
MESSAGES_PER_PAGE = 50


def _member(username: str):
    return get_object_or_404(get_user_model(), username=username, is_active=True)


@login_required
def inbox(request):
    """One line per correspondent, the latest conversation first, with the
    count of unread messages; two aggregate queries whatever the volume."""
    me = request.user
    mine = Message.objects.involving(me)
    sent = (
        mine.filter(sender=me)
        .values("recipient")
        .annotate(last=Max("id"))
        .values_list("recipient", "last")
    )
    received = (
        mine.filter(recipient=me)
        .values("sender")
        .annotate(
            last=Max("id"),
            unread=Count("id", filter=Q(read_at__isnull=True)),
        )
        .values_list("sender", "last", "unread")
    )
    latest: dict[int, int] = {}
    unread: dict[int, int] = {}
    for other, last in sent:
        latest[other] = max(latest.get(other, 0), last)
    for other, last, count in received:
        latest[other] = max(latest.get(other, 0), last)
        unread[other] = count
    ordered = sorted(latest.items(), key=lambda item: -item[1])
    page = Paginator(ordered, CONVERSATIONS_PER_PAGE).get_page(request.GET.get("page"))
    ids = [other for other, _last in page]
    people = get_user_model().objects.in_bulk(ids)
    last_messages = Message.objects.in_bulk([last for _other, last in page])
    conversations = [
        {
            "member": people[other],
            "last": last_messages[last],
            "unread": unread.get(other, 0),
        }
        for other, last in page
        if other in people
    ]
    blocked = (
        Block.objects.filter(blocker=me)
        .select_related("blocked")
        .order_by("blocked__display_name")
    )
    return render(
        request,
        "messaging/inbox.html",
        {"items": page, "conversations": conversations, "blocked": blocked},
    )


def _refused(request, refusal: Refusal):
    return refusal_response(
        request, refusal, "messaging/refused.html", message_key="error"
    )


@login_required
def conversation(request, username: str):
    other = _member(username)
    form = MessageForm(request.POST or None)
    error = None
    status = 200
    try:
        check_can_write(request.user, other)
        can_write = True
    except Refusal as refusal:
        can_write = False
        if other.pk == request.user.pk:
            return _refused(request, refusal)
        error = refusal.message
    if request.method == "POST":
        if not form.is_valid():
            status = 400
        else:
            try:
                send_message(request.user, other, form.cleaned_data["body"])
            except Refusal as refusal:
                status = show_on_form(form, refusal)
            else:
                messages.success(request, _("Your message was sent."))
                return redirect("messaging:conversation", username=other.username)
    thread = (
        Message.objects.between(request.user, other)
        .select_related("sender")
        .order_by("-id")
    )
    page = Paginator(thread, MESSAGES_PER_PAGE).get_page(request.GET.get("page"))
    mark_conversation_read(request.user, other)
    return render(
        request,
        "messaging/conversation.html",
        {
            "other": other,
            "form": form,
            "items": page,
            "thread": list(reversed(page.object_list)),
            "can_write": can_write,
            "refusal": error if request.method == "GET" or not can_write else None,
            "i_blocked": Block.objects.filter(
                blocker=request.user, blocked=other
            ).exists(),
        },
        status=status,
    )


@login_required
def block(request, username: str):
    """GET asks "Block X?" (the page behind the dialog when scripts are off);
    POST blocks."""
    other = _member(username)
    if request.method != "POST":
        return _confirm(request, other, blocking=True)
    try:
        block_member(request.user, other)
    except Refusal as refusal:
        return _refused(request, refusal)
    messages.success(
        request,
        _("%(name)s can no longer send you messages.")
        % {"name": other.get_display_name()},
    )
    return redirect("messaging:conversation", username=other.username)


@login_required
def unblock(request, username: str):
    other = _member(username)
    if request.method != "POST":
        return _confirm(request, other, blocking=False)
    unblock_member(request.user, other)
    messages.success(
        request,
        _("%(name)s can send you messages again.") % {"name": other.get_display_name()},
    )
    return redirect("messaging:conversation", username=other.username)


def _confirm(request, other, *, blocking: bool):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if other.pk == request.user.pk:
        return render(
            request,
            "messaging/refused.html",
            {"error": _("You cannot block yourself.")},
            status=400,
        )
    return render(
        request,
        "messaging/block_confirm.html",
        {"other": other, "blocking": blocking},
    )
