from django import template

from core.languages import current_language
from home.seo import describe
from national.hosting import national_addresses
from translations.alternates import hreflang, language_links

register = template.Library()


@register.inclusion_tag("includes/seo_head.html", takes_context=True)
def seo_head(context, indexable: bool = True) -> dict:
    """The head's description, Open Graph tags, canonical address and
    language alternates (home.seo, translations.alternates). Error pages pass
    `indexable=False`: a description, `noindex`, no addresses."""
    request = context.get("request")
    title, description = describe(context)
    links = None
    if indexable and request is not None:
        links = language_links(request, context.get("page"))
        # A country's pages name its national site as their one address.
        move = national_addresses(request, context.get("page"))
        if move is not None:
            links.canonical = move(links.canonical)
            links.alternates = [(code, move(url)) for code, url in links.alternates]
    return {
        "title": title or context.get("SITE_NAME", ""),
        "description": description,
        "indexable": indexable,
        "links": links,
        "og_type": "article" if context.get("topic") is not None else "website",
        "og_locale": hreflang(current_language()).replace("-", "_"),
        "SITE_NAME": context.get("SITE_NAME", ""),
    }
