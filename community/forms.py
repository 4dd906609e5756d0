from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import CountryPage, Subject, User


class ProfileForm(forms.ModelForm):
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=CountryPage.objects.none(),
        required=False,
        empty_label=_("(none)"),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The UN languages you can work in."),
    )
    expertise = forms.ModelMultipleChoiceField(
        label=_("Expertise"),
        queryset=Subject.objects.select_related("tag"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("CBD subjects you know well."),
    )

    class Meta:
        model = User
        fields = [
            "display_name",
            "country",
            "organisation",
            "position",
            "bio",
            "languages",
            "preferred_language",
            "listed_in_directory",
            "show_email",
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = (
            CountryPage.objects.live()
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .order_by("title")
            .only("id", "title")
        )
        if self.instance.pk:
            self.initial["expertise"] = Subject.objects.filter(
                tag__in=self.instance.expertise.all()
            )

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=commit)
        if commit:
            subjects = self.cleaned_data["expertise"]
            user.expertise.set([subject.tag for subject in subjects])
            watch_forums_of_expertise(user, subjects)
        return user


def watch_forums_of_expertise(user, subjects) -> None:
    """Members hear about the forums of their expertise unless they chose
    another level for them."""
    from forum.models import Forum
    from notifications.subscriptions import watch_if_not_following

    for forum in Forum.objects.visible_to(user).filter(subject__in=subjects):
        watch_if_not_following(user, forum)
