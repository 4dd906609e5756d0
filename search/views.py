"""Thin views: validate GET parameters, run the search, render."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.throttling import rate_limited

from .forms import SearchForm
from .kinds import kind_choices
from .queries import (
    SearchParams,
    SearchResults,
    SearchUnavailable,
    run_search,
    suggest,
)


def _params(request) -> tuple[SearchParams, SearchForm]:
    form = SearchForm(request.GET, user=request.user)
    form.is_valid()  # every field cleans to a usable value; nothing is an error
    data = {key: value for key, value in form.cleaned_data.items() if key != "q"}
    return SearchParams(q=form.cleaned_data.get("q", ""), **data), form


@require_GET
@rate_limited("search", "CHM_SEARCH_RATE_LIMIT")
def search(request):
    params, form = _params(request)
    unavailable = False
    try:
        results = run_search(request, params)
    except SearchUnavailable:
        # An external engine is down: say so rather than "nothing matched".
        results, unavailable = SearchResults(params=params), True
    results.notes = [*form.notes, *results.notes]
    return render(
        request,
        "search/search.html",
        {
            "query": params.q,
            "params": params,
            "results": results,
            "kinds": kind_choices(),
            "form": form,
            "unavailable": unavailable,
        },
        status=503 if unavailable else 200,
    )


@require_GET
@rate_limited("search-suggest", "CHM_SUGGEST_RATE_LIMIT")
def suggestions(request):
    params, _form = _params(request)
    try:
        found, status = suggest(request, params.q), 200
    except SearchUnavailable:
        found, status = [], 503
    response = JsonResponse({"query": params.q, "results": found}, status=status)
    response["Cache-Control"] = "private, max-age=60" if status == 200 else "no-store"
    return response
