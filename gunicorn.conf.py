"""gunicorn's settings for riskreg (``make serve``; see README, Deployment).

Read from the environment: RISKREG_BIND (address:port, default 127.0.0.1:8443, or
127.0.0.1:8000 behind a proxy), RISKREG_WORKERS (default 2 × cores + 1), TLS_CERT and TLS_KEY
(serve HTTPS directly; ``bin/serve`` makes a self-signed pair when neither they nor
DJANGO_BEHIND_PROXY are set).
"""

import os

import gunicorn.http.wsgi

# Every response says "Server: gunicorn" unless told otherwise: no need to tell a prober which
# server to look up weaknesses for. gunicorn reads this module global as it writes each response.
gunicorn.http.wsgi.SERVER = "riskreg"

behind_proxy = os.environ.get("DJANGO_BEHIND_PROXY", "").lower() in ("1", "true", "yes", "on")
bind = [os.environ.get("RISKREG_BIND", "127.0.0.1:8000" if behind_proxy else "127.0.0.1:8443")]

# Synchronous workers, as many as 2 × cores + 1: a PDF being laid out holds one worker while
# its child process works, and the others carry on serving.
cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
workers = int(os.environ.get("RISKREG_WORKERS", 2 * (cores or 1) + 1))
worker_class = "sync"
# Longer than the PDF cap (reports.pdf), so a report is stopped by its own cap with a message,
# not by gunicorn killing the worker.
timeout = int(os.environ.get("RISKREG_PDF_TIMEOUT_SECONDS", "60")) + 30
graceful_timeout = 30
# A worker is replaced after this many requests, so no slow leak can grow for ever.
max_requests = 5000
max_requests_jitter = 500
# Load the app once, then fork: less memory, and a broken configuration stops the start.
preload_app = True

if os.environ.get("TLS_CERT") and os.environ.get("TLS_KEY"):
    certfile = os.environ["TLS_CERT"]
    keyfile = os.environ["TLS_KEY"]

# Only the proxy on this machine may say which scheme and address a request came from.
forwarded_allow_ips = os.environ.get("RISKREG_PROXY_IPS", "127.0.0.1,::1")

# gunicorn 27's control socket is one path per user, shared by every gunicorn on the machine
# (a second instance, the benchmarks' server, could be stopped through it): not needed here.
control_socket_disable = True

accesslog = "-"
# Who, what, status, size and the time taken in milliseconds.
access_log_format = '%({x-forwarded-for}i)s %(h)s "%(r)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
