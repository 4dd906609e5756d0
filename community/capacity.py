"""National CHM capacity levels, from the CHM capacity-building strategy.

Each level carries the action the strategy recommends for a country at that level;
country pages surface it so the network can help each country where it stands.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CapacityLevel(models.IntegerChoices):
    NO_FOCAL_POINT = 0, _("0 · No CHM national focal point")
    UNDER_EQUIPPED = 1, _("1 · Focal point under-equipped")
    NO_WEBSITE = 2, _("2 · No national CHM website")
    ON_THE_WEB = 3, _("3 · National CHM on the web")
    OPERATIONAL = 4, _("4 · National CHM complete and operational")
    ADVANCED = 5, _("5 · Advanced CHM")


RECOMMENDED_ACTIONS = {
    CapacityLevel.NO_FOCAL_POINT: _("Convince the country to designate a focal point."),
    CapacityLevel.UNDER_EQUIPPED: _("Find a basic communication infrastructure."),
    CapacityLevel.NO_WEBSITE: _("Training and tools to establish a web presence."),
    CapacityLevel.ON_THE_WEB: _(
        "Improve content that supports the national biodiversity targets."
    ),
    CapacityLevel.OPERATIONAL: _("Share experience to help other national CHMs."),
    CapacityLevel.ADVANCED: _("Interoperability with other biodiversity networks."),
}


def recommended_action(level: int) -> str:
    return RECOMMENDED_ACTIONS[CapacityLevel(level)]
