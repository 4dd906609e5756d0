from django.shortcuts import get_object_or_404, render

from .sections import tag_sections
from .vocabulary import listed_tags


def tag(request, slug: str):
    """Everything in the network that carries a tag, one section per kind."""
    # A tag only unpublished content carries (a proposal's spam) has no page.
    tag = get_object_or_404(listed_tags().select_related("subject"), slug=slug)
    sections = [
        {"section": section, "data": section.items(request, tag)}
        for section in tag_sections()
    ]
    return render(request, "tagging/tag.html", {"tag": tag, "sections": sections})
