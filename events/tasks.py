"""Event work off the request path (django-tasks)."""

from django_tasks import task

from .reminding import send_event_reminders as remind_followers


@task()
def send_event_reminders() -> int:
    return remind_followers()
