"""Every page a person reaches from their menu, with `tre demo` data, on a 360-px phone: it does not scroll
sideways, and it speaks one language — a Vietnamese page shows none of the strings table's English values,
an English page none of its Vietnamese ones.

The module starts its own `tre serve` on a throwaway data directory seeded by `tre demo` (the server that
.ci/run starts has no demo data and belongs to the journeys), signs in as each demo role, reads the menu,
and opens each menu page plus one level below it (the first record of a list — a child, a case, a contact —
and the pages a menu page leads to), first in Vietnamese and then, after the language switch, in English.
Pages are crawled once; the two tests then each report every problem of every page in one message."""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import totp

PHONE_WIDTH, PHONE_HEIGHT = 360, 800
DEMO_PASSWORD = "Demo-Tre-2026-mat-khau"
ADMIN_TEMPORARY = "Tam-thoi-2026-quan-tri"
ADMIN_PASSWORD = "Quan-tri-2026-mat-khau-moi"

# One account per role: the administrator (made with `tre user add`, since `tre demo` makes none), and the
# demo's national analyst, hotline counsellor, Hà Nội's provincial officer, and Phường Ba Đình's commune
# officer and chairperson (commune 4).
ROLES = [
    ("admin", ADMIN_PASSWORD),
    ("analyst", DEMO_PASSWORD),
    ("hotline", DEMO_PASSWORD),
    ("tinh1", DEMO_PASSWORD),
    ("xa4", DEMO_PASSWORD),
    ("chutich4", DEMO_PASSWORD),
]

# How many pages below one menu page are opened (one per kind of address: the first child, not all 300).
FOLLOW_PER_MENU_PAGE = 8
# Addresses that are files (children.csv, table.xlsx, criteria.json), or that act rather than show.
ACTION_SEGMENTS = {"logout", "delete", "disable", "enable", "end", "end-others", "reset", "retire", "merge",
                   "refresh", "lang", "api"}


# ---------------------------------------------------------------------------------------------------------
# The server with demo data


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def demo_server():
    binary = os.environ.get("TRE_BIN") or shutil.which("tre")
    if not binary:
        pytest.skip("TRE_BIN is not set (the tre binary to start with demo data)")
    data = tempfile.mkdtemp(prefix="tre-every-page-")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TRE_AUDIT_KEY", "TRE_ADMIN_PASSWORD")}
    env.update(TRE_DATA_DIR=data, PORT=str(port), HOST="127.0.0.1", LOG_LEVEL="warning")

    def tre(*arguments):
        done = subprocess.run([binary, *arguments], env=env, capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            pytest.fail(f"tre {' '.join(arguments)} failed:\n{done.stdout}\n{done.stderr[-3000:]}", pytrace=False)

    tre("user", "add", "admin", "--role", "admin", "--password", ADMIN_TEMPORARY, "--full-name", "Quản trị hệ thống")
    tre("demo", "--password", DEMO_PASSWORD, "--children", "300", "--cases", "30", "--contacts", "200")
    log = open(os.path.join(data, "serve.log"), "w")
    server = subprocess.Popen([binary, "serve"], env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            if server.poll() is not None:
                break
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=2):
                    break
            except OSError:
                time.sleep(0.5)
        if server.poll() is not None:
            log.flush()
            pytest.fail("tre serve stopped:\n" + open(os.path.join(data, "serve.log")).read()[-3000:], pytrace=False)
        yield url
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
        shutil.rmtree(data, ignore_errors=True)


@pytest.fixture(scope="module")
def strings():
    binary = os.environ.get("TRE_BIN") or shutil.which("tre")
    if not binary:
        pytest.skip("TRE_BIN is not set")
    return json.loads(subprocess.run([binary, "strings"], capture_output=True, text=True, check=True).stdout)


@pytest.fixture(scope="module")
def phone():
    """One Chromium for the whole module (the machine has two cores), its page exactly 360 × 800."""
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                 f"--window-size={PHONE_WIDTH},{PHONE_HEIGHT}"):
        options.add_argument(flag)
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": PHONE_WIDTH, "height": PHONE_HEIGHT, "deviceScaleFactor": 1, "mobile": False})
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


# ---------------------------------------------------------------------------------------------------------
# Signing in as each role


def and_wait_for_the_next_page(browser, action):
    browser.execute_script("window.treLeaving = true")
    action()
    WebDriverWait(browser, 30, ignored_exceptions=(WebDriverException,)).until(
        lambda b: b.execute_script("return window.treLeaving !== true && document.readyState === 'complete'"))


def press_enter_in(browser, element_id):
    field = browser.find_element(By.ID, element_id)
    and_wait_for_the_next_page(browser, lambda: field.send_keys(Keys.ENTER))


_used_steps = {}


def code_of(username, secret):
    """A code not used before by this account (Tre accepts each once, and one step of drift)."""
    while True:
        now = int(time.time() // 30)
        step = max(now, _used_steps.get(username, -1) + 1)
        if step <= now + 1:
            _used_steps[username] = step
            return totp(secret, step)
        time.sleep(1)


def path_of(browser, base):
    return browser.current_url[len(base):] if browser.current_url.startswith(base) else browser.current_url


def sign_in(browser, base, username, password):
    """Signs in from a clean browser, replacing a temporary password and enrolling the second factor
    when Tre asks, as a person would at first sign-in. Returns the secret enrolled, if any."""
    browser.delete_all_cookies()
    browser.get(base + "/login")
    browser.find_element(By.ID, "username").send_keys(username)
    browser.find_element(By.ID, "password").send_keys(ADMIN_TEMPORARY if username == "admin" else password)
    press_enter_in(browser, "password")
    if path_of(browser, base).startswith("/account/password"):
        browser.find_element(By.ID, "currentPassword").send_keys(ADMIN_TEMPORARY)
        browser.find_element(By.ID, "newPassword").send_keys(password)
        browser.find_element(By.ID, "confirmPassword").send_keys(password)
        and_wait_for_the_next_page(browser, browser.find_element(By.ID, "save-password").click)
    if path_of(browser, base).startswith("/account/second-factor"):
        secret = browser.find_element(By.ID, "totp-secret").text.replace(" ", "")
        browser.find_element(By.ID, "code").send_keys(code_of(username, secret))
        and_wait_for_the_next_page(browser, browser.find_element(By.ID, "confirm-code").click)
        browser.get(base + "/")  # past the recovery codes, shown once
    assert not path_of(browser, base).startswith(("/login", "/account/password", "/account/second-factor")), (
        f"{username} could not sign in: still on {browser.current_url}")


# ---------------------------------------------------------------------------------------------------------
# What is measured on each page

MEASURE = r"""
const width = window.innerWidth;
// An element is allowed past the edge inside its own box that scrolls or clips sideways (a wide table in an
// overflow-x: auto wrapper); the page itself (html, body) does not count as such a box.
function insideItsOwnBox(element) {
  for (let p = element.parentElement; p && p !== document.body && p !== document.documentElement; p = p.parentElement) {
    const x = getComputedStyle(p).overflowX;
    if (x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip') return true;
  }
  return false;
}
function pastTheEdge(element) {
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.right > width + 0.5;
}
function describe(element) {
  const box = element.getBoundingClientRect();
  const classes = typeof element.className === 'string' && element.className.trim()
    ? '.' + element.className.trim().split(/\s+/).join('.') : '';
  const text = (element.innerText || element.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
  return element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + classes
    + ' width ' + Math.round(box.width) + 'px, right edge ' + Math.round(box.right) + 'px'
    + (text ? ' «' + text + '»' : '');
}
function widest() {
  // The outermost elements past the edge (their parent fits): the ones to fix, widest first.
  const found = [];
  for (const element of document.body.querySelectorAll('*')) {
    if (!pastTheEdge(element) || insideItsOwnBox(element)) continue;
    const parent = element.parentElement;
    if (parent && parent !== document.body && pastTheEdge(parent)) continue;
    found.push(element);
  }
  found.sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right);
  return found.slice(0, 5).map(describe);
}
const result = {lang: document.documentElement.lang, path: location.pathname + location.search,
                h1: (document.querySelector('h1') || {}).innerText || ''};
result.closed = {scrollWidth: document.documentElement.scrollWidth, width: width, widest: []};
if (result.closed.scrollWidth > width) result.closed.widest = widest();
// Folded parts (a case's other steps, the phone menu) opened, as a person would open them.
for (const details of document.querySelectorAll('details')) details.open = true;
const toggle = document.getElementById('menu-toggle');
if (toggle) toggle.checked = true;
result.opened = {scrollWidth: document.documentElement.scrollWidth, width: width, widest: []};
if (result.opened.scrollWidth > width) result.opened.widest = widest();
// The words a person reads or hears: the visible text with folded parts opened, the tab's title, the
// choices of every list, placeholders, labels read aloud and button values. Not the language switch,
// which names the other language on purpose.
const other = document.getElementById('language-switch');
if (other) other.style.display = 'none';
const parts = [document.title, document.body.innerText];
for (const option of document.querySelectorAll('option')) parts.push(option.textContent);
for (const element of document.querySelectorAll('[placeholder], [aria-label], [title], img[alt]')) {
  for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
    if (element.hasAttribute(name)) parts.push(element.getAttribute(name));
  }
}
for (const button of document.querySelectorAll('input[type=submit], input[type=button]')) parts.push(button.value);
if (other) other.style.display = '';
result.text = parts.join('\n');
// Where the page leads, for one level below the menu: links inside the page's main part.
result.links = Array.from(document.querySelectorAll('main a[href]')).map(a => a.getAttribute('href'));
return result;
"""

ID_LIKE = re.compile(r"\d")


def kind_of(path):
    """/children/3f2a…, /children/8c1e… → /children/:id; /indicators/TR07 → /indicators/:id."""
    return "/".join(":id" if ID_LIKE.search(segment) else segment for segment in path.split("/"))


def worth_following(path, below):
    """A page of this site under `below` (anything for the home page), not a file, not an action."""
    if not path.startswith("/") or path.startswith("//"):
        return False
    segments = [s for s in path.split("/") if s]
    if not segments or "." in segments[-1] or ACTION_SEGMENTS & set(segments):
        return False
    return below == "/" or path.startswith(below.rstrip("/") + "/")


# ---------------------------------------------------------------------------------------------------------
# The one-language rule


def phrases(strings, language):
    """The strings table's values in `language` that betray the page when they appear in the other one.

    Compared: values (and the literal parts of values with {placeholders}) of at least two words. A single
    word proves little and misleads: "OK", "Zalo", "Email" are the same in both languages, "Có", "Không",
    "Tên" occur inside Vietnamese names and places shown on English pages, and "Code", "Case" inside record
    codes; a page that mixes languages shows it in its two-word labels too. Left out as well: values that are
    the same in both languages ("dd/mm/yyyy", keyboard shortcuts), and phrases that occur inside some value
    of the page's own language (then their presence proves nothing). User data — children's, officers' and
    places' names, notes typed in Vietnamese — is shown as typed in both languages; the rule of two words of
    the strings table keeps it from matching (names are not phrases of the table)."""
    other = "vi" if language == "en" else "en"
    own_values = [fold(entry[other]) for entry in strings.values()]
    found = {}
    for key, entry in strings.items():
        if fold(entry["vi"]) == fold(entry["en"]):
            continue
        for part in re.split(r"\{[^}]*\}", entry[language]):
            part = part.strip(" \t\n.,:;!?()“”\"'«»-–—/")
            if len(re.findall(r"\w+", part)) < 2:
                continue
            folded = fold(part)
            if any(folded in value for value in own_values):
                continue
            found.setdefault(folded, (key, part))
    return found


def fold(text):
    return re.sub(r"\s+", " ", text).strip().casefold()


def foreign_phrases_in(text, table):
    folded = fold(text)
    hits = []
    for phrase, (key, original) in table.items():
        if re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", folded):
            hits.append(f"“{original}” ({key})")
    return sorted(hits)


# ---------------------------------------------------------------------------------------------------------
# The crawl: once per module, both tests read it


class Crawl:
    def __init__(self):
        self.overflows = []   # (page, role, language, description)
        self.mixed = []       # (page, role, language, description)
        self.broken = []      # (page, role, language, description)
        self.pages = 0
        self.visited = {}     # role -> the addresses opened
        self.seconds = 0.0


def open_and_measure(browser, base, path):
    browser.get(base + path)
    return browser.execute_script(MEASURE)


def check_page(crawl, browser, base, role, language, path, table, error_title):
    try:
        seen = open_and_measure(browser, base, path)
    except WebDriverException as error:
        crawl.broken.append((path, role, language, f"could not be opened: {error.msg}"))
        return None
    crawl.pages += 1
    if seen["lang"] != language:
        crawl.broken.append((path, role, language, f"the page says lang={seen['lang']!r}"))
    if seen["h1"].strip() == error_title:
        crawl.broken.append((path, role, language, "opens the error page"))
    for state, label in (("closed", "as loaded"), ("opened", "with its folded parts opened")):
        measured = seen[state]
        if measured["scrollWidth"] > measured["width"]:
            crawl.overflows.append((path, role, language,
                                    f"{measured['scrollWidth'] - measured['width']} px too wide {label}; widest: "
                                    + "; ".join(measured["widest"] or ["(none found outside a scrolling box)"])))
            break
    hits = foreign_phrases_in(seen["text"], table)
    if hits:
        crawl.mixed.append((path, role, language, ", ".join(hits)))
    return seen


@pytest.fixture(scope="module")
def crawl(demo_server, phone, strings):
    base = demo_server
    result = Crawl()
    started = time.time()
    tables = {"vi": phrases(strings, "en"), "en": phrases(strings, "vi")}
    for role, password in ROLES:
        try:
            sign_in(phone, base, role, password)
        except Exception as error:  # noqa: BLE001 — one role that cannot sign in must not hide the others
            result.broken.append(("/login", role, "vi", f"could not sign in: {error}"))
            continue
        phone.get(base + "/")
        menu = phone.execute_script(
            "return Array.from(document.querySelectorAll('#main-nav a[href]')).map(a => a.getAttribute('href'))")
        menu_pages = list(dict.fromkeys(["/", *menu]))
        kinds = {kind_of(urllib.parse.urlsplit(page).path) for page in menu_pages}
        # Vietnamese first: each menu page, then up to FOLLOW_PER_MENU_PAGE pages below it (one of each kind),
        # and from those the first record they list (the hotline's contact, under its day's list).
        pages = []
        queue = [(page, urllib.parse.urlsplit(page).path, 0) for page in menu_pages]
        while queue:
            page, below, depth = queue.pop(0)
            pages.append(page)
            seen = check_page(result, phone, base, role, "vi", page, tables["vi"], strings["errorTitle"]["vi"])
            if not seen or depth == 2:
                continue
            followed = []
            for href in seen["links"]:
                target = urllib.parse.urlsplit(urllib.parse.urljoin(base + page, href))
                if f"{target.scheme}://{target.netloc}" != base or not worth_following(target.path, below):
                    continue
                kind = kind_of(target.path)
                if kind in kinds or (depth == 1 and ":id" not in kind):
                    continue
                kinds.add(kind)
                followed.append((target.path + (f"?{target.query}" if target.query else ""), below, depth + 1))
                if len(followed) >= (FOLLOW_PER_MENU_PAGE if depth == 0 else 2):
                    break
            # Depth first, so that a page's records are opened right after it.
            queue[:0] = followed
        result.visited[role] = pages
        # Then English, chosen as a person chooses it: the switch in the page's header.
        phone.get(base + "/")
        and_wait_for_the_next_page(phone, phone.find_element(By.ID, "language-switch").click)
        for page in pages:
            check_page(result, phone, base, role, "en", page, tables["en"], strings["errorTitle"]["en"])
    result.seconds = time.time() - started
    print(f"\nevery page: {result.pages} page views in {result.seconds:.0f} s")
    for role, pages in result.visited.items():
        print(f"  {role}: {' '.join(pages)}")
    return result


def report(findings):
    """One line per page, grouped by page, so one run shows everything to fix."""
    by_page = {}
    for page, role, language, problem in findings:
        by_page.setdefault(kind_of(urllib.parse.urlsplit(page).path), []).append(f"  [{role}, {language}] {page}: {problem}")
    return "\n".join(f"{page}\n" + "\n".join(lines) for page, lines in sorted(by_page.items()))


def test_every_menu_page_opens_for_every_role(crawl):
    if crawl.broken:
        pytest.fail("Pages that did not open as expected:\n" + report(crawl.broken), pytrace=False)


def test_no_page_scrolls_sideways_on_a_360_pixel_phone(crawl):
    if crawl.overflows:
        pytest.fail("Pages wider than a 360-px phone:\n" + report(crawl.overflows), pytrace=False)


def test_each_page_speaks_one_language(crawl):
    if crawl.mixed:
        pytest.fail("Pages showing words of the other language (strings table values):\n" + report(crawl.mixed),
                    pytrace=False)
