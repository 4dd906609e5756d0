from django.conf import settings


def site_chrome(request) -> dict:
    """What the header and footer of every page need, without a query."""
    return {"SITE_NAME": settings.WAGTAIL_SITE_NAME}
