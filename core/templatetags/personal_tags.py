"""`{% personal "name" arg %}…{% endpersonal %}`: a part of a page that is one
member's own (core/member_pages.py).

For a member's request the tag leaves a sealed marker, which the middleware
fills for whoever the page is served to, with the filler the part's app
registered under `name`. Anywhere else (an anonymous visitor's page, a
template rendered outside a request) the enclosed template is rendered in
place, with the context at hand, as if the tag were not there. Both must give
the same HTML for the same reader: the filler renders the same template.
"""

from django import template

from ..member_pages import marker, marking

register = template.Library()


class PersonalNode(template.Node):
    def __init__(self, name, arg, nodelist):
        self.name = name
        self.arg = arg
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        if request is not None and marking(request):
            arg = self.arg.resolve(context) if self.arg is not None else ""
            return marker(self.name.resolve(context), arg)
        return self.nodelist.render(context)


@register.tag
def personal(parser, token):
    bits = token.split_contents()
    if len(bits) not in (2, 3):
        raise template.TemplateSyntaxError(
            '{% personal "name" [argument] %} takes a name and at most one argument'
        )
    name = parser.compile_filter(bits[1])
    arg = parser.compile_filter(bits[2]) if len(bits) == 3 else None
    nodelist = parser.parse(("endpersonal",))
    parser.delete_first_token()
    return PersonalNode(name, arg, nodelist)
