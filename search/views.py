"""Thin views: validate GET parameters, run the search, render."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from chm.throttling import rate_limited

from .forms import KIND_CHOICES, SearchForm
from .queries import SearchParams, run_search, suggest


def _params(request) -> tuple[SearchParams, SearchForm]:
    form = SearchForm(request.GET, user=request.user)
    form.is_valid()  # every field cleans to a usable value; nothing is an error
    data = {key: value for key, value in form.cleaned_data.items() if key != "q"}
    return SearchParams(q=form.cleaned_data.get("q", ""), **data), form


@require_GET
@rate_limited("search", "CHM_SEARCH_RATE_LIMIT")
def search(request):
    params, form = _params(request)
    results = run_search(request, params)
    results.notes = [*form.notes, *results.notes]
    return render(
        request,
        "search/search.html",
        {
            "query": params.q,
            "params": params,
            "results": results,
            "kinds": KIND_CHOICES,
            "form": form,
        },
    )


@require_GET
@rate_limited("search-suggest", "CHM_SUGGEST_RATE_LIMIT")
def suggestions(request):
    params, _form = _params(request)
    response = JsonResponse({"query": params.q, "results": suggest(request, params.q)})
    response["Cache-Control"] = "private, max-age=60"
    return response
