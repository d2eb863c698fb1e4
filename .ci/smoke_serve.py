"""Try `make serve` as a new user would: the production server over HTTPS, its static files,
its headers, signing in as a demo person and reading a register. Run by `.ci/run` against a
server it started with `make serve DEMO=1`; exits non-zero on the first thing that is wrong.

Usage: smoke_serve.py BASE_URL SERVE_PID. It waits while `make serve` (SERVE_PID) prepares
the database and certificate, and gives up at once if that process ends first."""

import http.cookiejar
import os
import re
import ssl
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

BASE = sys.argv[1]
SERVE_PID = int(sys.argv[2])
CERTIFICATE = "var/tls/cert.pem"  # made by bin/serve before gunicorn starts
PASSWORD = "kingsmere-demo"  # demo/loader.py DEMO_PASSWORD, as load_demo prints it
WAIT_SECONDS = 900  # migrate, collectstatic and load_demo on a slow machine
jar = http.cookiejar.CookieJar()
opener = None


def get(path, data=None, headers=None):
    request = urllib.request.Request(
        BASE + path,
        data=urllib.parse.urlencode(data).encode() if data else None,
        headers=headers or {},
    )
    with opener.open(request, timeout=30) as response:
        return response, response.read().decode("utf-8", "replace")


def check(condition, message):
    if not condition:
        print(f"smoke: FAILED: {message}", file=sys.stderr)
        sys.exit(1)


def serve_running():
    try:
        os.kill(SERVE_PID, 0)
    except ProcessLookupError:
        return False
    return True


deadline = time.monotonic() + WAIT_SECONDS
while True:
    check(serve_running(), "make serve ended before it served anything")
    check(time.monotonic() < deadline, f"nothing answered on {BASE} in {WAIT_SECONDS} s")
    if opener is None and os.path.exists(CERTIFICATE):
        context = ssl.create_default_context(cafile=CERTIFICATE)
        opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=context), urllib.request.HTTPCookieProcessor(jar)
        )
    if opener is not None:
        try:
            response, page = get("/accounts/login/")
            break
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
    time.sleep(1)

check(response.status == 200, "the sign-in page")
headers = response.headers
check("object-src 'none'" in headers["Content-Security-Policy"], "CSP header")
check(headers["Strict-Transport-Security"].startswith("max-age=31536000"), "HSTS header")
check(headers["X-Frame-Options"] == "DENY", "X-Frame-Options")
check("gunicorn" not in headers.get("Server", "").lower(), "Server header names no software")
styles = re.findall(r'href="(/static/[^"]+\.css)"', page)
check(styles and all(re.search(r"\.[0-9a-f]{12}\.css$", s) for s in styles), "hashed CSS names")
for style in styles:
    css, body = get(style)
    check(css.status == 200 and len(body) > 100, f"static file {style}")
    check("immutable" in css.headers["Cache-Control"], f"cache headers of {style}")

token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
response, page = get(
    "/accounts/login/",
    {"username": "insurance.manager", "password": PASSWORD, "csrfmiddlewaretoken": token},
    {"Referer": BASE + "/accounts/login/"},
)
check(response.url.rstrip("/") == BASE, f"signed in and home (at {response.url})")
for cookie in jar:
    check(cookie.secure, f"cookie {cookie.name} is Secure")
check("Sign out" in page, "the home page of a signed-in person")
response, page = get("/organisation/")
check(response.status == 200 and "Corporate" in page, "the organisation page")
print(f"smoke: make serve works on {BASE}: HTTPS, static files, headers, sign-in, pages")
