"""The kinds of things members can follow, by a short public name."""

from django.apps import apps

FOLLOWABLE = {
    "country": "community.CountryPage",
    "region": "community.RegionPage",
    "forum": "forum.Forum",
    "topic": "forum.Topic",
    "tag": "taggit.Tag",
    "member": "community.User",
    "library": "toolkits.ToolkitLibraryPage",
}


def followable_model(name: str):
    label = FOLLOWABLE.get(name)
    return apps.get_model(label) if label else None


def followable_name(obj) -> str | None:
    label = obj._meta.label
    return next((name for name, value in FOLLOWABLE.items() if value == label), None)
