"""Shared infrastructure, the ground floor: it imports no project app.

The sanitizer, throttling, the shared cache and the anonymous page cache, the
content security policy, the request body limit, syndication helpers, the
refusal base, health checks and backups. Every app may import from here.
"""
