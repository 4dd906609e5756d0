import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_htmx.http import trigger_client_event

from core import htmx

from . import push, reading
from .emails import user_from_token
from .follow_control import follow_response, safe_next
from .followable import followable_url, kind_for_model, readable_followable
from .forms import SettingsForm
from .models import (
    EmailFrequency,
    Notification,
    NotificationSettings,
    PushSubscription,
    Subscription,
)

PER_PAGE = 30


@login_required
def notification_list(request):
    page = Paginator(Notification.objects.for_user(request.user), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "notifications/list.html", {"notifications": page})


@login_required
@require_POST
def open_notification(request, pk: int):
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if notification.read_at is None:
        reading.mark_read(notification)
    return redirect(
        notification.url if notification.url.startswith("/") else "notifications:list"
    )


READ_EVENT = "chm:notifications-read"


@htmx.login_required
@require_POST
@htmx.vary_on_htmx
def mark_read(request, pk: int):
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    reading.mark_read(notification)
    if not request.htmx:
        return redirect(_back_to_list(request))
    notification.refresh_from_db(fields=["read_at"])
    response = htmx.fragment(
        request,
        "notifications/includes/item.html",
        {"item": notification, "marked_read": True},
    )
    # notifications.js brings the bell (and the list) up to date.
    return trigger_client_event(
        response, READ_EVENT, {"id": pk, "unread": reading.unread_count(request.user)}
    )


@htmx.login_required
@require_POST
@htmx.vary_on_htmx
def mark_all_read(request):
    reading.mark_all_read(request.user)
    message = _("All notifications are marked as read.")
    if not request.htmx:
        messages.success(request, message)
        return redirect("notifications:list")
    response = htmx.status_message(request, message)
    return trigger_client_event(response, READ_EVENT, {"id": "all", "unread": 0})


def _back_to_list(request) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return target
    return reverse("notifications:list")


@login_required
def following(request):
    subscriptions = list(
        Subscription.objects.filter(user=request.user).select_related("content_type")
    )
    # Fetch the followed objects per model: one query per kind, not per row.
    by_type: dict[int, list[Subscription]] = {}
    for subscription in subscriptions:
        by_type.setdefault(subscription.content_type_id, []).append(subscription)
    # Only what the member may read now: a topic hidden or deleted since, or a
    # forum closed to them, drops out (its subscription stays, unused).
    for content_type_id, group in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        kind = kind_for_model(model) if model else None
        objects = (
            kind.objects_for(request.user).in_bulk([s.object_id for s in group])
            if kind
            else {}
        )
        for subscription in group:
            subscription.obj = objects.get(subscription.object_id)
    rows = [s for s in subscriptions if s.obj is not None]
    return render(
        request,
        "notifications/following.html",
        {"subscriptions": rows},
    )


def follow(request, kind: str, pk: int):
    """The one follow endpoint (notifications/follow_control.py draws the
    control): POST a level; GET, as after signing in, goes to the thing."""
    fallback = reverse("notifications:following")
    if not request.user.is_authenticated:
        # Before any lookup: a visitor learns nothing about what exists.
        return follow_response(request, None, fallback)
    # Unknown and unreadable get the same 404: ids are sequential, and a
    # different answer would tell which hidden topics exist.
    obj = readable_followable(kind, pk, request.user)
    if obj is None:
        raise Http404
    if request.method == "GET":
        return redirect(safe_next(request, followable_url(obj) or fallback))
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])
    return follow_response(request, obj, fallback)


@login_required
def notification_settings(request):
    current, _created = NotificationSettings.objects.get_or_create(user=request.user)
    push_on = push.is_configured()
    form = SettingsForm(request.POST or None, settings=current, push=push_on)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your notification settings were saved."))
        return redirect("notifications:settings")
    return render(
        request,
        "notifications/settings.html",
        {
            "form": form,
            "push_on": push_on,
            "vapid_public_key": settings.CHM_VAPID_PUBLIC_KEY,
            "devices": PushSubscription.objects.for_user(request.user),
        },
    )


# Largest push subscription JSON accepted (a real one is about 500 bytes).
MAX_SUBSCRIPTION_BYTES = 4096


@login_required
@require_POST
def add_device(request):
    """Store this browser's push subscription (POST, JSON body, CSRF token in
    the X-CSRFToken header): static/js/push.js sends it after the member
    allowed notifications."""
    if not push.is_configured():
        raise Http404
    if len(request.body) > MAX_SUBSCRIPTION_BYTES:
        return JsonResponse({"error": "too large"}, status=413)
    try:
        data = json.loads(request.body)
        device = push.subscribe(
            request.user, data, request.headers.get("User-Agent", "")
        )
    except (ValueError, push.BadSubscription):
        return JsonResponse({"error": "not a push subscription"}, status=400)
    # Shown on the settings page, which push.js reloads to list the device.
    messages.success(request, _("This device will now be notified."))
    return JsonResponse(
        {"id": device.pk, "label": device.label or _("This device")}, status=201
    )


@login_required
@require_POST
def remove_device(request, pk: int):
    """Forget one of the member's devices: a plain form on the settings page
    (redirects back), or JSON for push.js."""
    removed = push.remove_device(request.user, pk=pk)
    if not removed:
        raise Http404
    if request.accepts("application/json") and not request.accepts("text/html"):
        return JsonResponse({"removed": pk})
    messages.success(request, _("That device will no longer be notified."))
    return redirect("notifications:settings")


@csrf_exempt  # the signed token is the credential; mail clients post without a session
def unsubscribe(request, token: str):
    user = user_from_token(token)
    if user is None:
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    if request.method == "POST":
        setting, _created = NotificationSettings.objects.get_or_create(user=user)
        setting.email_frequency = EmailFrequency.NONE
        setting.save(update_fields=["email_frequency"])
        return render(request, "notifications/unsubscribe_done.html", {"member": user})
    return render(
        request, "notifications/unsubscribe.html", {"member": user, "token": token}
    )
