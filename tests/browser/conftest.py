"""Browser journeys against a running `tre serve` (started by .ci/run): headless Chromium via Selenium."""
import os
import pathlib

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
