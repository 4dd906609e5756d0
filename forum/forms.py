from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from tagging.vocabulary import check_tags, listed_tags
from tagging.widgets import TagPicker

from .models import Flag, Forum, Post


class BodyField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Your message"),
            max_length=Post._meta.get_field("raw").max_length,
            strip=True,
            widget=forms.Textarea(attrs={"rows": 10}),
            help_text=_(
                "Markdown: **bold**, _italic_, [link](https://…), > quote, "
                "`code`. Mention a member with @username."
            ),
            **kwargs,
        )


class TopicForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, min_length=3, strip=True)
    body = BodyField()
    tags = forms.ModelMultipleChoiceField(
        label=_("Tags"),
        queryset=Tag.objects.none(),
        to_field_name="slug",
        required=False,
        widget=TagPicker(),
        help_text=_("CBD subjects and other tags of the network (five at most)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tags"].queryset = listed_tags().order_by("name")

    def clean_tags(self):
        tags = self.cleaned_data["tags"]
        check_tags((), known=[tag.name for tag in tags])
        return tags


class ReplyForm(forms.Form):
    body = BodyField()
    reply_to = forms.IntegerField(widget=forms.HiddenInput, required=False)


class EditForm(forms.Form):
    body = BodyField()


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why should moderators look at this post?"),
        choices=Flag.Reason.choices,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Details (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MoveForm(forms.Form):
    forum = forms.ModelChoiceField(label=_("Move to"), queryset=Forum.objects.all())
