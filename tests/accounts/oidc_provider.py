"""A real OpenID provider for the tests: the certified Node `oidc-provider`
(tests/oidc_provider/server.js), installed with `npm ci` when missing and run on a free port.

``sign_in_at_provider`` plays the person's browser at the provider: it follows the
authorisation request, fills in the provider's sign-in form and returns the address the
provider sends the browser back to (our callback, with its code and state).
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import socket
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests

FOLDER = Path(__file__).resolve().parent.parent / "oidc_provider"
CLIENT_ID, CLIENT_SECRET = "riskreg", "riskreg-test-secret"
CALLBACK = "/accounts/login/organisation/callback/"
SIGNED_OUT = "/accounts/login/"


def _install() -> None:
    if (FOLDER / "node_modules" / "oidc-provider").is_dir():
        return
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("The OpenID provider tests need Node.js 20 or newer and npm.")
    subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund"], cwd=FOLDER, check=True, capture_output=True
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class LocalProvider:
    issuer: str
    process: subprocess.Popen
    http: requests.Session = field(default_factory=requests.Session)

    def accounts(self, **claims_by_login: dict) -> None:
        """The claims the provider gives each login name (email, email_verified, groups...)."""
        self.http.post(f"{self.issuer}/test/accounts", json=claims_by_login).raise_for_status()

    def tamper_next_id_token(self, mode: str) -> None:
        """The next ID token comes out wrong: "issuer", "signature" or "expired"."""
        self.http.post(f"{self.issuer}/test/tamper", json={"mode": mode}).raise_for_status()

    def configure(self, settings) -> None:
        """Point the app at this provider (pytest-django's ``settings``), as
        riskreg/settings.py does from the environment."""
        settings.OIDC_ENABLED = True
        settings.OIDC_ISSUER = self.issuer
        settings.OIDC_RP_CLIENT_ID = CLIENT_ID
        settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
        settings.OIDC_RP_SCOPES = "openid email profile groups"
        policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
        policy["DIRECTIVES"]["form-action"].append(self.issuer)
        settings.CONTENT_SECURITY_POLICY = policy
        settings.AUTHENTICATION_BACKENDS = [
            *settings.AUTHENTICATION_BACKENDS,
            "accounts.provider.ProviderBackend",
        ]


def start(*bases: str) -> LocalProvider:
    """The provider, with our callback and sign-in page at each of ``bases`` registered."""
    _install()
    port = _free_port()
    env = {
        "PATH": os.environ["PATH"],
        "PORT": str(port),
        "REDIRECT_URIS": json.dumps([base + CALLBACK for base in bases]),
        "POST_LOGOUT_REDIRECT_URIS": json.dumps([base + SIGNED_OUT for base in bases]),
    }
    process = subprocess.Popen(
        ["node", "server.js"],
        cwd=FOLDER,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    line = process.stdout.readline()
    if not line.startswith("ready"):
        process.kill()
        pytest.fail(f"The OpenID provider did not start: {line!r}")
    return LocalProvider(issuer=f"http://127.0.0.1:{port}", process=process)


def stop(provider: LocalProvider) -> None:
    provider.process.terminate()
    provider.process.wait(10)


_FORM = re.compile(r'<form[^>]*action="([^"]+)"', re.I)
_HIDDEN = re.compile(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"', re.I)


def sign_in_at_provider(
    authorisation_url: str, login: str, callback_base: str, browser: requests.Session | None = None
) -> str:
    """The provider's sign-in as a browser goes through it; the address it sends back to.
    Pass ``browser`` to keep the provider's session (its cookies) for later."""
    browser = browser if browser is not None else requests.Session()
    url, data = authorisation_url, None
    for _ in range(10):
        response = (
            browser.post(url, data=data, allow_redirects=False)
            if data
            else browser.get(url, allow_redirects=False)
        )
        data = None
        if response.is_redirect:
            url = urljoin(url, response.headers["Location"])
            if url.startswith(callback_base):
                return url
            continue
        action = _FORM.search(response.text)
        assert action, (
            f"no sign-in form at the provider: {response.status_code} {url} {response.text[:500]}"
        )
        fields = dict(_HIDDEN.findall(response.text))
        url, data = urljoin(url, action.group(1)), {**fields, "login": login, "password": "any"}
    raise AssertionError("the provider never sent the browser back")


def silent_return(authorisation_url: str, browser: requests.Session, callback_base: str) -> str:
    """A prompt=none request followed in ``browser``: the provider answers straight away,
    signed in there or not; the address it sends back to."""
    url = authorisation_url
    for _ in range(10):
        response = browser.get(url, allow_redirects=False)
        assert response.is_redirect, f"the provider asked something: {response.status_code} {url}"
        url = urljoin(url, response.headers["Location"])
        if url.startswith(callback_base):
            return url
    raise AssertionError("the provider never sent the browser back")


def end_session_at_provider(issuer: str, browser: requests.Session) -> None:
    """Sign out at the provider itself (its end-session page and confirmation), as the person
    would in another tab or application."""
    page = browser.get(f"{issuer}/session/end?client_id={CLIENT_ID}")
    action = _FORM.search(page.text)
    assert action, f"no sign-out form at the provider: {page.status_code} {page.text[:300]}"
    fields = dict(_HIDDEN.findall(page.text))
    done = browser.post(urljoin(page.url, action.group(1)), data={**fields, "logout": "yes"})
    assert done.status_code == 200, done.text[:300]
