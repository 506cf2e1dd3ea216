"""gunicorn as the standalone site runs it (igren_site/gunicorn.conf.py): two slow-loris
connections that never finish their headers do not stop a normal request from being answered.

Round 2 found the sync worker frozen for 15 s by two such connections. Here one worker process
(the smallest deployment) with the committed config serves the demo on 127.0.0.1; the slow
connections trickle a byte at a time, bounded in count and time.
"""

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from tests.served_site import ServedSite, free_port

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def gunicorn_site(tmp_path_factory):
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
    if gunicorn is None:
        pytest.skip("gunicorn is not installed (the [site] extra)")
    work = tmp_path_factory.mktemp("gunicorn")
    site = ServedSite(work)
    site.prepare()
    port = free_port()
    env = {**site.env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "1"}
    log = open(work / "gunicorn.log", "wb")  # noqa: SIM115
    process = subprocess.Popen(
        [gunicorn, "-c", "igren_site/gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/feeds/events.ics", timeout=5)  # noqa: S310
            break
        except OSError:
            assert process.poll() is None, (work / "gunicorn.log").read_text()
            time.sleep(0.3)
    yield url, port
    process.terminate()
    process.wait(timeout=30)
    log.close()


def slow_loris(port, stop):
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(b"GET /feeds/events.ics HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        for _ in range(200):  # at most ~20 s, one header byte every 0.1 s
            if stop.is_set():
                return
            try:
                sock.sendall(b"X")
            except OSError:
                return  # the server gave up on us: fine
            time.sleep(0.1)


def test_two_slow_clients_do_not_block_a_normal_request(gunicorn_site):
    url, port = gunicorn_site
    stop = threading.Event()
    slow = [threading.Thread(target=slow_loris, args=(port, stop)) for _ in range(2)]
    for thread in slow:
        thread.start()
    try:
        time.sleep(1)  # both are connected and trickling
        for path in ("/graphql/?query=%7Bhome%7Btitle%7D%7D", "/feeds/events.ics", "/events/"):
            with urllib.request.urlopen(url + path, timeout=10) as response:  # noqa: S310
                assert response.status == 200, path
    finally:
        stop.set()
        for thread in slow:
            thread.join(timeout=30)
