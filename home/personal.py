"""The site chrome's personal parts (core/member_pages.py): the header's
account links with the bell's count, a national site's account links, and
the member id the offline store keys its pages by."""

from django.template.loader import get_template

from core.member_pages import csrf_token, kept_part, register_filler
from notifications.models import Notification


def _chrome(request, template: str, **extra) -> str:
    user = request.user
    return get_template(template).render(
        {
            "request": request,
            "user": user,
            "csrf_token": csrf_token(request),
            **extra,
        }
    )


def account_nav(request, args: list[str]) -> dict[str, str]:
    user = request.user
    unread = Notification.objects.unread_count(user)
    return {
        "": kept_part(
            request,
            ("home.account_nav", user.pk, unread),
            lambda: _chrome(
                request, "includes/account_nav.html", unread_notifications=unread
            ),
        )
    }


def national_account_nav(request, args: list[str]) -> dict[str, str]:
    return {
        "": kept_part(
            request,
            ("home.national_account_nav", request.user.pk),
            lambda: _chrome(request, "national/chrome/account_nav.html"),
        )
    }


def member_id(request, args: list[str]) -> dict[str, str]:
    user = request.user
    return {"": str(user.pk) if user.is_authenticated else ""}


def register() -> None:
    register_filler("home.account_nav", account_nav)
    register_filler("home.national_account_nav", national_account_nav)
    register_filler("home.member_id", member_id)
