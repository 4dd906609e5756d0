from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .directory import (
    DirectoryFilterForm,
    can_see_email,
    listed_experts,
    set_verified_expert,
)
from .forms import ProfileForm
from .models import Subject, User
from .roles import is_moderator
from .sections import PROFILE, sections_context

DIRECTORY_PAGE_SIZE = 30


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
        {
            "member": member,
            "expertise": expertise,
            "show_email": can_see_email(request.user, member),
            "can_verify": is_moderator(request.user),
            # Topics, toolkits and news come from the apps that hold them.
            **sections_context(PROFILE, request, member),
        },
    )


@require_GET
def directory(request):
    form = DirectoryFilterForm(request.GET)
    if not form.is_valid():
        return render(request, "community/directory.html", {"form": form}, status=400)
    experts = form.filter(listed_experts())
    page = Paginator(experts, DIRECTORY_PAGE_SIZE).get_page(
        form.cleaned_data.get("page")
    )
    kept = {
        key: value
        for key, value in request.GET.items()
        if key != "page" and value and key in form.KNOWN
    }
    return render(
        request,
        "community/directory.html",
        {
            "form": form,
            "items": page,
            "experts": [
                (expert, can_see_email(request.user, expert)) for expert in page
            ],
            "extra_query": "&" + urlencode(kept) if kept else "",
            "filtered": bool(kept),
        },
    )


@require_POST
@login_required
def verify_expert(request, username: str):
    member = get_object_or_404(User, username=username, is_active=True)
    verified = request.POST.get("verified") == "1"
    set_verified_expert(request.user, member, verified)
    if verified:
        messages.success(
            request,
            _("%(name)s is now a verified expert.")
            % {"name": member.get_display_name()},
        )
    else:
        messages.success(
            request,
            _("%(name)s is no longer a verified expert.")
            % {"name": member.get_display_name()},
        )
    return redirect(member)


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
