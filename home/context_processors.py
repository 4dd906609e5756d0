from django.conf import settings


def site_chrome(request) -> dict:
    """What the header and footer of every page need."""

    def unread_notifications() -> int:
        # Called by the template only when it shows the bell (one count query).
        from notifications.models import Notification

        return Notification.objects.unread_count(request.user)

    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "THEME_COLOR": settings.CHM_THEME_COLOR,
        "OFFLINE_BUDGET_MB": settings.CHM_OFFLINE_BUDGET_MB,
        "unread_notifications": unread_notifications,
    }
