from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "cooperation"
    verbose_name = _("South–South cooperation")

    def ready(self):
        """Closed requests become CBD "case-study" records, the request and
        offer endpoints join the read API (its URLs, its OpenAPI document and
        its documentation's examples), and the kinds of notification
        cooperation raises are registered."""
        from . import api, events, records

        records.register_case_studies()
        events.register_kinds()
        api.register_api()
