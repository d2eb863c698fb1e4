"""Security settings and behaviour (OWASP ASVS level 2 where it applies).

`check --deploy` with the production settings, the headers every page carries, the cookies,
sign-in throttling by username and address, the security log, the idle timeout and a new
session at sign-in.
"""

import http.client
import logging
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.urls import reverse

from riskreg.security import LAST_SEEN, SIGNED_IN_AT
from tests.factories import UserFactory
from tests.test_project import bare_environ

ROOT = Path(__file__).resolve().parent.parent
LOGIN = "/accounts/login/"
OFFICE = "10.0.0.7"  # one council office: many people behind one address
ELSEWHERE = "10.9.9.9"


def production_env(**extra):
    clean = bare_environ()
    return clean | {
        "DJANGO_SETTINGS_MODULE": "riskreg.settings",
        "DJANGO_SECRET_KEY": "Fq2kX9v!pL0z@R7m#sT4w$Y8bN1c^H6j&D3gE5uA0iK2oP9qZ-7yLx",
        "DJANGO_ALLOWED_HOSTS": "risks.example-council.gov.uk",
        **extra,
    }


def test_check_deploy_with_the_production_settings_reports_nothing():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


def test_check_deploy_would_catch_a_weakened_setting():
    """The check above can fail: turning the HTTPS redirect off is reported."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(DJANGO_SECURE_SSL_REDIRECT="0"),
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "security.W008" in result.stdout + result.stderr


# Headers -------------------------------------------------------------------------------------


def test_the_production_server_does_not_name_its_software(tmp_path):
    """gunicorn, as ``make serve`` runs it, answers without "Server: gunicorn"."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = bare_environ() | {
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_BEHIND_PROXY": "1",
        "RISKREG_BIND": f"127.0.0.1:{port}",
        "RISKREG_WORKERS": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    server = subprocess.Popen(
        [gunicorn, "-c", "gunicorn.conf.py", "riskreg.wsgi:application"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=tmp_path.joinpath("gunicorn.log").open("w"),
    )
    try:
        for _ in range(150):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", LOGIN)
                response = connection.getresponse()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not answer: " + tmp_path.joinpath("gunicorn.log").read_text())
        # Plain HTTP without the proxy's word that it was HTTPS: sent on to HTTPS.
        assert response.status == 301
        assert "gunicorn" not in response.headers.get("Server", "").lower()
    finally:
        server.terminate()
        server.wait(timeout=30)


def csp_directives(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


@pytest.mark.django_db
def test_every_page_carries_a_strict_content_security_policy(client, org):
    client.force_login(org.people["officer"])
    for path in ["/", LOGIN, reverse("registers:register-detail", args=[org.corporate.pk])]:
        directives = csp_directives(client.get(path))
        assert directives["script-src"] == ["'self'"], path
        assert directives["object-src"] == ["'none'"]
        assert directives["base-uri"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert directives["default-src"] == ["'self'"]
        # Inline <style> elements are refused; only style attributes (band colours) pass.
        assert directives["style-src"] == ["'self'"]
        assert "'unsafe-inline'" not in " ".join(
            v for k, vs in directives.items() if k != "style-src-attr" for v in vs
        )


@pytest.mark.django_db
def test_https_responses_carry_hsts_and_refuse_framing_and_sniffing(client, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    response = client.get(LOGIN, secure=True)
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https_in_production(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get(LOGIN)
    assert response.status_code == 301
    assert response.headers["Location"] == "https://testserver/accounts/login/"


# Sign-in, cookies and sessions --------------------------------------------------------------


def sign_in(client, username, password="password", address=OFFICE):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, secure=True
    )


@pytest.mark.django_db
def test_session_and_csrf_cookies_are_secure_and_http_only(client):
    UserFactory(username="ann")
    client.get(LOGIN, secure=True)
    response = sign_in(client, "ann")
    assert response.status_code == 302
    for name in ("sessionid", "csrftoken"):
        cookie = response.cookies[name]
        assert cookie["secure"] is True, name
        assert cookie["httponly"] is True, name
        assert cookie["samesite"] == "Lax", name


@pytest.mark.django_db
def test_signing_in_starts_a_new_session(client):
    UserFactory(username="ann")
    session = client.session
    session["planted"] = "by someone else"
    session.save()
    planted_key = session.session_key
    client.cookies["sessionid"] = planted_key

    assert sign_in(client, "ann").status_code == 302
    assert client.cookies["sessionid"].value != planted_key
    assert client.get("/", secure=True).status_code == 200


@pytest.mark.django_db
def test_five_failures_pause_that_username_from_that_address_only(client, settings):
    settings.AXES_FAILURE_LIMIT = 5
    UserFactory(username="ann")
    UserFactory(username="bob")
    for _ in range(4):
        assert sign_in(client, "ann", "wrong").status_code == 200
    assert sign_in(client, "ann", "wrong").status_code == 429  # the fifth failure pauses it
    locked = sign_in(client, "ann")  # even the right password is refused now
    assert locked.status_code == 429
    assert "Sign-in paused for this account" in locked.content.decode()
    assert "_auth_user_id" not in client.session

    # A colleague in the same office, behind the same address, still signs in...
    assert sign_in(client, "bob").status_code == 302
    client.logout()
    # ...and so does ann from another address.
    assert sign_in(client, "ann", address=ELSEWHERE).status_code == 302


@pytest.mark.django_db
def test_password_spraying_from_one_address_pauses_the_address(client, settings):
    """A few guesses at each of many accounts from one address (the audit sent 120 over 30
    usernames, and a real account then signed in) pause the address, not just each pair."""
    settings.AXES_FAILURE_LIMIT = 5
    settings.RISKREG_ADDRESS_FAILURES = 20
    UserFactory(username="ann")
    for n in range(19):  # about two guesses at each of ten accounts: no pair reaches five
        assert sign_in(client, f"user{n % 10}", "wrong").status_code == 200
    assert sign_in(client, "user9", "wrong").status_code == 429  # the twentieth pauses it
    paused = sign_in(client, "ann")  # the right password, a fresh account, the same address
    assert paused.status_code == 429
    assert "Sign-in paused from your address" in paused.content.decode()
    assert "_auth_user_id" not in client.session
    # The same person from another address is not held up.
    assert sign_in(client, "ann", address=ELSEWHERE).status_code == 302


@pytest.mark.django_db
def test_an_office_of_people_mistyping_is_not_paused_below_the_address_limit(client, settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.RISKREG_ADDRESS_FAILURES = 20
    UserFactory(username="ann")
    for n in range(19):
        sign_in(client, f"colleague{n}", "wrong")
    assert sign_in(client, "ann").status_code == 302


@pytest.mark.django_db
def test_a_success_clears_the_failure_count(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(username="ann")
    for _ in range(2):
        sign_in(client, "ann", "wrong")
    assert sign_in(client, "ann").status_code == 302
    client.logout()
    for _ in range(2):
        sign_in(client, "ann", "wrong")
    assert sign_in(client, "ann").status_code == 302


@pytest.mark.django_db
def test_sign_ins_failures_lockouts_and_refusals_are_logged(client, settings, caplog, org):
    settings.AXES_FAILURE_LIMIT = 2
    caplog.set_level(logging.INFO, logger="riskreg.security")
    sign_in(client, "officer")
    client.post("/accounts/logout/", REMOTE_ADDR=OFFICE, secure=True)
    sign_in(client, "head", "wrong")
    sign_in(client, "head", "wrong")
    sign_in(client, "head", "wrong")
    client.force_login(org.people["other_officer"])
    refused = client.get(reverse("registers:register-settings", args=[org.corporate.pk]))
    assert refused.status_code == 403

    lines = [r.getMessage() for r in caplog.records if r.name == "riskreg.security"]
    assert f"sign-in user=officer ip={OFFICE}" in lines
    assert f"sign-out user=officer ip={OFFICE}" in lines
    assert lines.count(f"sign-in failed username='head' ip={OFFICE}") >= 2
    assert f"lockout username='head' ip={OFFICE}" in lines
    assert any(
        line.startswith("refused status=403 user=other_officer")
        and f"/registers/{org.corporate.pk}/settings/" in line
        for line in lines
    ), lines
    assert not any("wrong" in line for line in lines), "a password was logged"


@pytest.mark.django_db
def test_an_idle_session_is_signed_out_and_comes_back_to_the_page(client, settings, org):
    settings.RISKREG_IDLE_MINUTES = 30
    client.force_login(org.people["officer"])
    page = reverse("registers:register-detail", args=[org.service_register.pk])
    assert client.get(page).status_code == 200

    session = client.session
    session[LAST_SEEN] = int(time.time()) - 31 * 60
    session.save()
    response = client.get(page)
    assert response.status_code == 302
    assert response.headers["Location"] == f"{reverse('login')}?next={page}"
    assert "_auth_user_id" not in client.session
    follow = client.get(response.headers["Location"])
    assert "signed out after 30 minutes" in follow.content.decode()


@pytest.mark.django_db
def test_a_busy_session_still_ends_when_its_lifetime_is_reached(client, settings, org):
    """The "10 hours in all" limit holds however often the person uses riskreg: the cookie's
    expiry slides with each save, the sign-in time does not."""
    settings.SESSION_COOKIE_AGE = 10 * 60 * 60
    UserFactory(username="ann")
    assert sign_in(client, "ann").status_code == 302
    session = client.session
    session[SIGNED_IN_AT] = int(time.time()) - 10 * 60 * 60 + 60  # a minute to go
    session[LAST_SEEN] = int(time.time())
    session.save()
    assert client.get("/", secure=True).status_code == 200
    session = client.session
    session[SIGNED_IN_AT] -= 120  # busy all day, and now past the limit
    session.save()
    response = client.get("/", secure=True)
    assert response.status_code == 302
    assert response.headers["Location"].startswith(reverse("login"))
    assert "_auth_user_id" not in client.session
    follow = client.get(response.headers["Location"], secure=True)
    assert "because you signed in more than 10 hours ago" in follow.content.decode()


@pytest.mark.django_db
def test_activity_keeps_a_session_alive(client, settings, org):
    settings.RISKREG_IDLE_MINUTES = 30
    client.force_login(org.people["officer"])
    session = client.session
    session[LAST_SEEN] = int(time.time()) - 29 * 60
    session.save()
    assert client.get("/").status_code == 200
    # That request moved the last-seen time on, so the session has another 30 minutes.
    assert int(time.time()) - client.session[LAST_SEEN] < 60


@pytest.mark.django_db
def test_asking_how_long_is_left_does_not_extend_the_session(client, settings, org):
    settings.RISKREG_IDLE_MINUTES = 30
    client.force_login(org.people["officer"])
    session = client.session
    stamp = int(time.time()) - 20 * 60
    session[LAST_SEEN] = stamp
    session.save()
    response = client.get(reverse("session-status"))
    assert response.status_code == 200
    assert response.headers["Cache-Control"].startswith("max-age=0")
    assert 595 <= response.json()["seconds_left"] <= 600
    assert response.json()["idle_seconds"] == 1800
    assert client.session[LAST_SEEN] == stamp


@pytest.mark.django_db
def test_stay_signed_in_extends_the_session(settings, org):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(org.people["officer"])
    client.get("/")  # the page a person is on carries the token in its sign-out form
    token = client.cookies["csrftoken"].value
    session = client.session
    session[LAST_SEEN] = int(time.time()) - 29 * 60
    session.save()
    url = reverse("session-keepalive")
    assert client.post(url).status_code == 403  # no CSRF token
    assert client.get(url).status_code == 405
    assert client.post(url, HTTP_X_CSRFTOKEN=token).status_code == 204
    assert int(time.time()) - client.session[LAST_SEEN] < 5


@pytest.mark.django_db
def test_the_session_urls_answer_a_signed_out_person_with_the_sign_in_page(client, org):
    for method, url in (("get", "session-status"), ("post", "session-keepalive")):
        response = getattr(client, method)(reverse(url))
        assert response.status_code == 302
        assert response.headers["Location"].startswith(reverse("login"))

    client.force_login(org.people["officer"])
    session = client.session
    session[LAST_SEEN] = int(time.time()) - 31 * 60
    session.save()
    response = client.get(reverse("session-status"))
    assert response.status_code == 302  # timed out: the page's script says so
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_wrong_password_is_announced_once_and_takes_the_focus(client):
    UserFactory(username="ann")
    html = sign_in(client, "ann", "wrong").content.decode()
    assert html.count("Please enter a correct username and password") == 1
    alert = html[html.index('role="alert"') - 40 : html.index("Please enter a correct")]
    assert 'tabindex="-1" autofocus' in alert


@pytest.mark.django_db
def test_password_change_errors_are_summarised_and_take_the_focus(client, org):
    client.force_login(org.people["officer"])
    response = client.post(
        reverse("password_change"),
        {"old_password": "wrong", "new_password1": "a", "new_password2": "b"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    start = html.index("error-summary")
    summary = html[start - 60 : html.index("</ul>", start)]
    assert 'role="alert" tabindex="-1" autofocus' in summary
    assert 'href="#id_old_password"' in summary
