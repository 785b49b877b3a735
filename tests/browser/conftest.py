"""Browser journeys against a running `tre serve` (started by .ci/run): headless Chromium via Selenium."""
import base64
import hashlib
import hmac
import os
import pathlib
import struct
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

BASE_URL = os.environ.get("TRE_URL", "http://127.0.0.1:8080")
ADMIN_PASSWORD = os.environ["TRE_ADMIN_PASSWORD"]


@pytest.fixture
def browser(request):
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=360,780"):
        options.add_argument(flag)
    chromium = "/usr/bin/chromium"
    if os.path.exists(chromium):
        options.binary_location = chromium
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(3)
    yield driver
    if getattr(request.node, "failed", False):
        folder = pathlib.Path(os.environ.get("TRE_SCREENSHOTS", "tests/browser/screenshots"))
        folder.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(folder / f"{request.node.name}.png"))
    driver.quit()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        item.failed = True


# Second factors enrolled during the journeys: username -> base32 secret, and the last 30-second
# step used, since Tre accepts each code once.
SECRETS = {}
RECOVERY_CODES = {}
_last_step = {}


def totp(secret, step):
    """RFC 6238 with the standard library: HMAC-SHA1 over the step, six digits."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def fresh_code(username):
    """A code of the person's secret not used before: the current step, or the next one (Tre allows
    one step of drift), waiting for time to move on when both were used."""
    secret = SECRETS[username]
    while True:
        now = int(time.time() // 30)
        step = max(now, _last_step.get(username, -1) + 1)
        if step <= now + 1:
            _last_step[username] = step
            return totp(secret, step)
        time.sleep(1)
