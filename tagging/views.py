from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from .sections import tag_sections


def tag(request, slug: str):
    """Everything in the network that carries a tag, one section per kind."""
    tag = get_object_or_404(Tag.objects.select_related("subject"), slug=slug)
    sections = [
        {"section": section, "data": section.items(request, tag)}
        for section in tag_sections()
    ]
    return render(request, "tagging/tag.html", {"tag": tag, "sections": sections})
