"""The API against its own contract, as a role of each kind: Schemathesis generates requests from
Resources/OpenAPI/openapi.json (valid ones and ones the contract forbids) against a `tre serve` with demo data,
and fails on any 5xx, any status the contract does not name, and any out-of-contract value accepted.

Bounded in time: TRE_SCHEMATHESIS_SECONDS per role (default 40)."""
import json
import os
import pathlib
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest


ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCUMENT = ROOT / "Resources" / "OpenAPI" / "openapi.json"
TRE = os.environ.get("TRE_BIN", str(ROOT / ".build" / "debug" / "tre"))
PASSWORD = "schemathesis-demo-2026"
SECONDS = os.environ.get("TRE_SCHEMATHESIS_SECONDS", "40")
# One account of each kind the demo makes (Hà Nội is province 1, Phường Ba Đình commune 4).
ROLES = ["hotline", "analyst", "tinh1", "xa4", "chutich4"]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if shutil.which("schemathesis") is None:
        pytest.fail("schemathesis is not installed (.ci/run installs it from PyPI)")
    data = tmp_path_factory.mktemp("schemathesis-data")
    env = dict(os.environ, TRE_DATA_DIR=str(data), LOG_LEVEL="error", TRE_ADMIN_PASSWORD=PASSWORD + "-admin")
    subprocess.run(
        [TRE, "demo", "--password", PASSWORD, "--children", "300", "--cases", "20", "--contacts", "100"],
        env=env, check=True, capture_output=True, timeout=600)
    port = free_port()
    process = subprocess.Popen(
        [TRE, "serve"], env=dict(env, PORT=str(port), HOST="127.0.0.1"),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1).read()
            break
        except OSError:
            time.sleep(0.5)
    yield url
    process.terminate()
    process.wait(timeout=30)


def token(url, username):
    body = {"username": username, "password": PASSWORD}
    request = urllib.request.Request(
        url + "/api/v1/auth/token", data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)["token"]


@pytest.mark.parametrize("username", ROLES)
def test_the_api_keeps_its_contract(server, username, tmp_path):
    report = tmp_path / "junit.xml"
    result = subprocess.run(
        [
            "schemathesis", "run", str(DOCUMENT), "--url", server,
            "--header", f"Authorization: Bearer {token(server, username)}",
            "--checks", "not_a_server_error,status_code_conformance,negative_data_rejection",
            "--max-time", SECONDS, "--workers", "2", "--request-timeout", "30",
            "--exclude-path", "/api/v1/auth/token",
            "--report", "junit", "--report-junit-path", str(report), "--no-color",
        ],
        capture_output=True, text=True, timeout=int(SECONDS) * 4 + 120)
    summary = "\n".join(result.stdout.splitlines()[-40:])
    print(f"schemathesis as {username}:\n{summary}")
    assert result.returncode == 0, f"schemathesis as {username} found contract violations:\n{summary}"
