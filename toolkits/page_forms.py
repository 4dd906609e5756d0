from tagging.forms import TaggedPageForm


class ToolkitPageForm(TaggedPageForm):
    """Proposed tags count towards the limit with the others."""

    extra_tag_fields = ("proposed_tags",)
