from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .inbound.models import InboundMessage


class ReadOnlyPolicy(ModelPermissionPolicy):
    """The record of what arrived is evidence: nobody edits or deletes it here."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete", "lock", "unlock", "publish"}:
            return False
        return super().user_has_permission(user, action)


class InboundMessageViewSet(SnippetViewSet):
    model = InboundMessage
    icon = "mail"
    menu_label = _("Inbound email")
    add_to_admin_menu = True
    menu_order = 310
    inspect_view_enabled = True
    list_display = [
        "received_at",
        "sender",
        "recipient",
        "member",
        "handler",
        "outcome",
        "reason",
        "attachments_dropped",
    ]
    list_filter = ["outcome", "handler"]
    search_fields = ["sender", "recipient", "subject", "reason"]


register_permission_policy(InboundMessage, ReadOnlyPolicy(InboundMessage))
register_snippet(InboundMessageViewSet)
