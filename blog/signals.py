"""Keep each news post's country and region right when pages move in the tree."""

from django.dispatch import receiver
from wagtail.signals import post_page_move


@receiver(post_page_move)
def update_place_in_network(sender, instance, **kwargs) -> None:
    # Arguments: instance, parent_page_before, parent_page_after,
    # url_path_before, url_path_after.
    from community.models import CountryPage

    from .models import BlogPostPage

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
