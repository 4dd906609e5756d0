"""The read API's generic machinery, below every app that serves JSON.

- `fields`: serializer fields for the page models' Wagtail `api_fields`.
- `json_api`: strict query parsing, limit/offset pagination in Wagtail's
  shape, Last-Modified, for the JSON endpoints that are not Wagtail's.
- `openapi`: the building blocks of their OpenAPI 3.0 description.
- `records`: the base of CBD-style records (header, multilingual strings,
  subjects) and `RecordExporter`.
- `registry`: where apps register their endpoints, their part of the OpenAPI
  document, their documentation examples and their record kinds, from their
  `AppConfig.ready()`; the read API (`interop`) serves what it finds there.

Imports no project app: an app that serves JSON depends on this package, never
on the read API itself.
"""
