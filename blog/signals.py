"""Keep each news post's country and region right when pages move in the tree,
and tell followers of a post's first publication."""

from django.dispatch import receiver
from wagtail.signals import page_published, post_page_move

from notifications.events import is_first_publication

from . import events
from .models import BlogPostPage


@receiver(post_page_move)
def update_place_in_network(sender, instance, **kwargs) -> None:
    # Arguments: instance, parent_page_before, parent_page_after,
    # url_path_before, url_path_after.
    from community.models import CountryPage

    specific = instance.specific_deferred
    if isinstance(specific, BlogPostPage):
        specific.set_place_in_network()
        BlogPostPage.objects.filter(pk=specific.pk).update(
            country=specific.country, region=specific.region
        )
    elif isinstance(specific, CountryPage):
        BlogPostPage.objects.filter(country=specific).update(
            region=specific.get_parent()
        )


@receiver(page_published, sender=BlogPostPage)
def on_news_published(sender, instance, revision=None, **kwargs) -> None:
    # Arguments: instance (the page), revision. Only the first publication is news.
    if is_first_publication(instance):
        events.news_published(instance.pk)
