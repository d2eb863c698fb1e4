"""Signing API requests in with a personal access token: ``Authorization: Bearer <token>``."""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from api import services


class AccessTokenAuthentication(authentication.BaseAuthentication):
    """A request carrying a bearer token is the token's person, or refused with 401 (an
    unknown, revoked or expired token never falls back to being anonymous)."""

    keyword = b"bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                "Give the token after “Bearer” and a single space."
            )
        try:
            token = services.token_for_key(header[1].decode("ascii", errors="replace"))
        except services.TokenRefused as refused:
            raise exceptions.AuthenticationFailed(str(refused)) from refused
        return token.user, token

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="riskreg"'


class AccessTokenScheme(OpenApiAuthenticationExtension):
    """How the OpenAPI schema names the token: HTTP bearer."""

    target_class = AccessTokenAuthentication
    name = "personalAccessToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal access token from your API tokens page.",
        }
