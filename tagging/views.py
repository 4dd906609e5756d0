from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from blog.listing import news_context


def tag(request, slug: str):
    """Everything in the network that carries a tag."""
    tag = get_object_or_404(Tag.objects.select_related("subject"), slug=slug)
    context = {"tag": tag, **news_context(request, tags=tag)}
    return render(request, "tagging/tag.html", context)
