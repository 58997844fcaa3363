#!/usr/bin/python3
"""The preview server: `agendapack serve` on a free loopback port serves the
built site, picks up an edited report within a few seconds, shows the
errors (file:line:col, source line, caret) in place of pages while the
sources are broken, injects the reload script into pages only, never serves
a file outside output/, and stops cleanly on Ctrl-C.

usage: serve.py AGENDAPACK REPO_DIR
"""
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

agendapack, repo = sys.argv[1], sys.argv[2]
failures = []
work = tempfile.mkdtemp(prefix="agendapack-serve-")
for part in ("content", "data", "templates"):
    shutil.copytree(os.path.join(repo, part), os.path.join(work, part))
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
base = f"http://127.0.0.1:{port}"
page = "/meetings/children-and-families-2024-09-26/07-youth-justice-service.html"
report = os.path.join(work, "content", "children-and-families", "2024-09-26", "07-youth-justice-service.md")
meeting = os.path.join(work, "content", "children-and-families", "2024-09-26", "meeting.yaml")


def get(path):
    try:
        with urllib.request.urlopen(base + path, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")
    except OSError:
        return None, ""


def wait_for(what, test, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if test():
            return True
        time.sleep(0.2)
    failures.append(what)
    return False


server = subprocess.Popen([agendapack, "serve", "--port", str(port)], cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
try:
    if wait_for("the server did not answer within 30 s", lambda: get("/")[0] == 200, 30):
        status, body = get(page)
        if status != 200 or "Youth Justice" not in body:
            failures.append(f"the report page: status {status}")
        if '<script src="/__agendapack/reload.js"></script></body>' not in body:
            failures.append("the report page has no reload script before </body>")
        if get("/assets/style.css")[1].count("reload.js"):
            failures.append("the reload script was put into a stylesheet")
        if get("/__agendapack/state")[1].find('"ok":true') < 0:
            failures.append("state does not say the build is ok")
        # An edit reaches the page.
        text = open(report, encoding="utf-8").read()
        open(report, "w", encoding="utf-8").write(text.replace("## Brief summary\n", "## Brief summary\n\nA sentence saved while the preview ran.\n", 1))
        wait_for("the edited sentence did not reach the page within 10 s", lambda: "A sentence saved while the preview ran." in get(page)[1])
        # Broken sources: the errors, in place of every page.
        yaml = open(meeting, encoding="utf-8").read()
        open(meeting, "w", encoding="utf-8").write(yaml.replace("\nvenue:", "\nvenu:", 1))
        if wait_for("the errors were not shown within 10 s", lambda: get(page)[0] == 500):
            status, body = get(page)
            for piece in ("The sources have errors", "content/children-and-families/2024-09-26/meeting.yaml:4:1: unknown key",
                          "venu: Conference Room 3 - Civic Centre\n^"):
                if piece not in body:
                    failures.append(f"the error page lacks {piece!r}")
        open(meeting, "w", encoding="utf-8").write(yaml)
        wait_for("the page did not come back after the fix", lambda: get(page)[0] == 200)
        # Nothing outside output/.
        for path in ("/../content/council.yaml", "/%2e%2e/content/council.yaml", "/meetings/../../content/council.yaml"):
            status, body = get(path)
            if status == 200 and "name:" in body:
                failures.append(f"{path} served a source file")
    server.send_signal(signal.SIGINT)
    try:
        code = server.wait(timeout=10)
        if code != 0:
            failures.append(f"Ctrl-C: exit status {code}")
    except subprocess.TimeoutExpired:
        failures.append("Ctrl-C did not stop the server within 10 s")
finally:
    if server.poll() is None:
        server.kill()
    out, err = server.communicate()
    shutil.rmtree(work, ignore_errors=True)

if "stopped" not in out:
    failures.append(f"the server did not say it stopped: {out[-300:]}")
for failure in failures:
    print("FAIL:", failure)
print(f"{0 if failures else 1} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
