from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .forms import ProfileForm
from .models import Subject, User


def profile(request, username: str):
    member = get_object_or_404(
        User.objects.select_related("country"), username=username, is_active=True
    )
    expertise = Subject.objects.filter(tag__in=member.expertise.all()).select_related(
        "tag"
    )
    return render(
        request,
        "community/profile.html",
        {"member": member, "expertise": expertise},
    )


@login_required
def edit_profile(request, username: str):
    member = get_object_or_404(User, username=username, is_active=True)
    if member.pk != request.user.pk:
        raise PermissionDenied(_("You can edit only your own profile."))
    form = ProfileForm(request.POST or None, instance=member)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect(member)
    return render(
        request, "community/profile_edit.html", {"form": form, "member": member}
    )
