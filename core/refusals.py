"""Refusals: what a member tried and may not do, told in their language.

An action function (forum.posting, cooperation.requesting, messaging.sending,
...) raises a `Refusal` with the sentence to show and the HTTP status that
fits it; the view turns it into a response with one of the two helpers here,
so every app answers the same way:

- `show_on_form(form, refusal)`: the sentence as the form's error (on the
  field it names, when the form has that field), the member's text kept;
  returns the status to answer with;
- `refusal_response(request, refusal, template, context)`: a page with the
  sentence (as `message`, or the key given), the refusal's status, and
  Retry-After when trying again later may succeed.

`NotAllowed` (403) is who may not; `TooFast` (429) is a limit that trying
again later lifts. Each app adds its own kinds (with their default sentence)
on these; views catch `Refusal`.
"""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _


class Refusal(Exception):
    """A refusal the member should read, with the HTTP status that fits it."""

    status = 400
    default_message = _("This action is not possible.")

    def __init__(self, message=None, field: str | None = None, *, retry_after=None):
        self.message = message or self.default_message
        # The form field the refusal is about, if any.
        self.field = field
        # Seconds after which trying again may succeed (sent as Retry-After).
        self.retry_after = retry_after
        super().__init__(self.message)


class NotAllowed(Refusal):
    status = 403
    default_message = _("You are not allowed to do this.")


class TooFast(Refusal):
    """A limit on how often; `retry_after` says when it lifts."""

    status = 429


def show_on_form(form, refusal: Refusal) -> int:
    field = refusal.field if refusal.field in form.fields else None
    form.add_error(field, str(refusal.message))
    form.retry_after = refusal.retry_after
    return refusal.status


def with_retry_after(response, retry_after):
    if response.status_code == 429 and retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def refusal_response(
    request,
    refusal: Refusal,
    template: str = "403.html",
    context: dict | None = None,
    *,
    message_key: str = "message",
):
    response = TemplateResponse(
        request,
        template,
        {**(context or {}), message_key: refusal.message},
        status=refusal.status,
    )
    return with_retry_after(response, refusal.retry_after)
