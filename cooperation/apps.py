from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "cooperation"
    verbose_name = _("South–South cooperation")

    def ready(self):
        """Closed requests become CBD "case-study" records, and the request
        and offer endpoints join the read API (its URLs, its OpenAPI document
        and its documentation's examples)."""
        from . import api, records

        records.register_case_studies()
        api.register_api()
