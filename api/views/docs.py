"""The API's documentation page: written from the OpenAPI schema that drf-spectacular makes,
on the server, as an ordinary page of the app (no script, no CDN: the Content Security Policy
allows neither, and a plain page reads well with a screen reader)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from drf_spectacular.generators import SchemaGenerator


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str


@dataclass(frozen=True)
class Endpoint:
    path: str
    name: str
    description: str
    parameters: list[Field]
    fields: list[Field]


def _type(schema: dict, components: dict) -> str:
    schema = _resolved(schema, components)
    kind = schema.get("type", "object" if "$ref" in schema else "")
    if "format" in schema:
        kind = f"{kind} ({schema['format']})"
    if "enum" in schema:
        kind = f"{kind}: one of {', '.join(str(v) for v in schema['enum'] if v)}"
    return f"{kind}, or null" if schema.get("nullable") else kind


def _resolved(schema: dict, components: dict) -> dict:
    """The schema a reference (or a one-item ``allOf`` or ``oneOf``) stands for."""
    for combined in ("allOf", "oneOf"):
        if schema.get(combined):
            nullable = schema.get("nullable") or any(
                part.get("nullable") for part in schema[combined]
            )
            parts = [part for part in schema[combined] if part.get("enum") != [None]]
            schema = {**_resolved(parts[0], components), "nullable": bool(nullable)}
    while "$ref" in schema:
        schema = {
            **components[schema["$ref"].rsplit("/", 1)[-1]],
            **({"description": schema["description"]} if "description" in schema else {}),
        }
    return schema


def _fields(schema: dict, components: dict) -> list[Field]:
    """The record's fields; a paginated list's are those of its ``results``."""
    schema = _resolved(schema, components)
    properties = schema.get("properties", {})
    if "results" in properties:
        return _fields(properties["results"]["items"], components)
    return [
        Field(name, _type(spec, components), spec.get("description", ""))
        for name, spec in properties.items()
    ]


@functools.cache
def api_endpoints() -> tuple[Endpoint, ...]:
    """Every GET of the API as the schema describes it (made once per process)."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    components = schema.get("components", {}).get("schemas", {})
    endpoints = []
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        if get is None or path.endswith("/schema/"):
            continue
        response = get["responses"]["200"]["content"]["application/json"]["schema"]
        endpoints.append(
            Endpoint(
                path=path,
                name=get.get("summary") or get["operationId"],
                description=get.get("description", ""),
                parameters=[
                    Field(
                        p["name"], _type(p.get("schema", {}), components), p.get("description", "")
                    )
                    for p in get.get("parameters", [])
                    if p["in"] == "query"
                ],
                fields=_fields(response, components),
            )
        )
    return tuple(endpoints)


@require_GET
def api_docs(request: HttpRequest) -> HttpResponse:
    """How to use the API: signing in with a token, formats, and every endpoint's parameters
    and fields."""
    return render(
        request,
        "api/docs.html",
        {
            "endpoints": api_endpoints(),
            "base": request.build_absolute_uri(reverse("api:register-list")).rsplit("/", 2)[0],
            "schema_url": reverse("api:schema"),
        },
    )
