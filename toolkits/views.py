from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_safe

from core.throttling import rate_limited, requester_key

from .downloads import downloadable_resources, record_download, reviewable_resource
from .forms import ToolkitProposalForm
from .proposals import ToolkitProposal, propose_toolkit
from .uploads import UploadSizeLimitHandler, content_type_for, max_upload_bytes


@require_safe
def download(request, pk: int, filename: str):
    """Serve a toolkit file as an attachment, counting the download.

    Toolkit files are in private storage: this view is the only way to them.
    Files of a toolkit that is not published (a proposal awaiting review) go
    only to those who may edit it, so reviewers can read what they approve;
    such downloads are not counted."""
    published = downloadable_resources().filter(pk=pk).first()
    resource = published or reviewable_resource(request.user, pk)
    if resource is None:
        raise Http404
    try:
        handle = resource.file.open("rb")
    except (FileNotFoundError, OSError) as missing:
        raise Http404(_("This file is no longer available.")) from missing
    if request.method == "GET" and published:
        record_download(resource, requester_key(request))
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=resource.filename,
        content_type=content_type_for(resource.file_format),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if not published:
        response["Cache-Control"] = "private, no-store"
    return response


@csrf_exempt
@rate_limited("toolkit-proposal", "CHM_PROPOSAL_RATE_LIMIT", methods=("POST",))
def propose(request):
    # The size limit must be in place before the body is read, so the CSRF
    # check (which reads it) runs inside, in `_propose`.
    request.upload_handlers.insert(0, UploadSizeLimitHandler(request))
    return _propose(request)


@csrf_protect
@login_required
def _propose(request):
    if request.method == "POST":
        form = ToolkitProposalForm(request.POST, request.FILES)
        valid = form.is_valid()
        if getattr(request, "toolkit_upload_too_large", False):
            form.errors.pop("file", None)
            form.add_error(
                "file",
                _("The file is too large; the limit is %(limit)s.")
                % {"limit": filesizeformat(max_upload_bytes())},
            )
            valid = False
        if valid:
            library = form.cleaned_data["library"]
            page = propose_toolkit(
                request.user, library, ToolkitProposal.from_form(form.cleaned_data)
            )
            messages.success(
                request,
                _(
                    "Thank you! “%(title)s” will be published once a moderator "
                    "has reviewed it. We will email you."
                )
                % {"title": page.title},
            )
            return redirect(library.get_url(request=request))
        status = 400
    else:
        initial = {}
        if request.GET.get("library", "").isdigit():
            initial["library"] = request.GET["library"]
        form = ToolkitProposalForm(initial=initial)
        status = 200
    return render(request, "toolkits/propose.html", {"form": form}, status=status)
