from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_safe

from core.middleware import unavailable
from core.object_storage import STORAGE_ERRORS, open_stored, streaming_response
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
    such downloads are not counted.

    The file is streamed from its storage (a local folder or a private
    bucket: core/object_storage.py), never handed out by address, so these
    headers and the count hold wherever it is. It is opened before counting:
    a missing file is 404 and an unreachable store 503, neither counted."""
    published = downloadable_resources().filter(pk=pk).first()
    resource = published or reviewable_resource(request.user, pk)
    if resource is None:
        raise Http404
    try:
        opened = open_stored(resource.file.storage, resource.file.name)
    except STORAGE_ERRORS:
        return unavailable(storage=True)
    except (FileNotFoundError, OSError) as missing:
        raise Http404(_("This file is no longer available.")) from missing
    if request.method == "GET" and published:
        record_download(resource, requester_key(request))
    response = streaming_response(
        request, opened, content_type_for(resource.file_format)
    )
    response["Content-Disposition"] = content_disposition_header(
        True, resource.filename
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
            try:
                page = propose_toolkit(
                    request.user, library, ToolkitProposal.from_form(form.cleaned_data)
                )
            except STORAGE_ERRORS:
                # Checked, but not stored: nothing of the proposal was kept.
                form.add_error(
                    "file",
                    _(
                        "The file could not be stored just now (the file store "
                        "cannot be reached). Nothing was saved: please send it "
                        "again in a few minutes."
                    ),
                )
                return render(
                    request, "toolkits/propose.html", {"form": form}, status=503
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
