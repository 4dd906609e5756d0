from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request):
    """Liveness for load balancers: a tiny body and one cheap database ping.

    `?deep=1` also checks the cache and the channel layer and answers JSON
    naming each dependency's state (503 when any is down).
    """
    if request.GET.get("deep"):
        from .health import run_checks

        checks = run_checks()
        healthy = all(check["ok"] for check in checks.values())
        return JsonResponse(
            {"status": "ok" if healthy else "unavailable", "checks": checks},
            status=200 if healthy else 503,
        )
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse(
            "database unavailable\n", status=503, content_type="text/plain"
        )
    return HttpResponse("ok\n", content_type="text/plain")
