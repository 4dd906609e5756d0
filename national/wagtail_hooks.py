"""The Secretariat's review of domain claims in the Wagtail admin: the list of
claims, and each claim's edit form, which only approves or refuses."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import claims
from .models import DomainClaim


class DecisionForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (DomainClaim.Status.APPROVED, _("Approve")),
            (DomainClaim.Status.REFUSED, _("Refuse")),
        ]

    def save(self, commit=True):
        return claims.decide(self.for_user, self.instance, self.cleaned_data["status"])


class DecisionPolicy(ModelPermissionPolicy):
    """Claims are asked for from the country's page, never added here."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class DomainClaimViewSet(SnippetViewSet):
    model = DomainClaim
    icon = "site"
    menu_label = _("Domain claims")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["hostname", "country", "status", "requested_by", "requested_at"]
    list_filter = ["status"]
    search_fields = ["hostname", "country__title"]
    edit_handler = ObjectList([FieldPanel("status")], base_form_class=DecisionForm)


register_permission_policy(DomainClaim, DecisionPolicy(DomainClaim))
register_snippet(DomainClaimViewSet)
