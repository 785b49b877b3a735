"""Every page a person reaches from their menu, with `tre demo` data, on a 360-px phone: it does not scroll
sideways, and it speaks one language — a Vietnamese page shows none of the strings table's English values,
an English page none of its Vietnamese ones.

The module starts its own `tre serve` on a throwaway data directory seeded by `tre demo` (the server that
.ci/run starts has no demo data and belongs to the journeys), signs in as each demo role, reads the menu,
and opens each menu page plus one level below it (the first record of a list — a child, a case, a contact —
and the pages a menu page leads to), first in Vietnamese and then, after the language switch, in English.
Pages are crawled once; each test below then reports every page with its problem in one message: pages
that do not open as themselves, pages wider than the phone (with their widest elements), pages with words
of the other language (with the words around them). It takes about a minute, most of it the crawl."""
import collections
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
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
    ("admin", ADMIN_PASSWORD),  # signs in first with ADMIN_TEMPORARY, and replaces it
    ("analyst", DEMO_PASSWORD),
    ("hotline", DEMO_PASSWORD),
    ("tinh1", DEMO_PASSWORD),
    ("xa4", DEMO_PASSWORD),
    ("chutich4", DEMO_PASSWORD),
]

# How many pages below one menu page are opened (one per kind of address: the first child, not all 300).
FOLLOW_PER_MENU_PAGE = 8
# How many pages of one kind are opened: one child is like another, but a case page changes with each step
# of the procedure, and it is the page people use most.
SAME_KIND = {"/cases/:id": 3}
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

    server, log = None, None
    try:
        tre("user", "add", "admin", "--role", "admin", "--password", ADMIN_TEMPORARY,
            "--full-name", "Quản trị hệ thống")
        tre("demo", "--password", DEMO_PASSWORD, "--children", "300", "--cases", "30", "--contacts", "200")
        log = open(os.path.join(data, "serve.log"), "w")
        server = subprocess.Popen([binary, "serve"], env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
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
        yield url, os.path.join(data, "tre.sqlite")
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)  # this server only, by its process
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        if log is not None:
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
    # Scrollbars that take no room, as on a phone: otherwise the page is 345 px wide beside a desktop
    # scrollbar. (Emulating a mobile device instead would zoom a too-wide page out and hide it.)
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars",
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
    """Signs in from a clean browser, replacing the temporary password and enrolling the second factor
    when Tre asks, as a person does at first sign-in (each account signs in once per run)."""
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
// The width the page is laid out in (the window's, 360 px, scrollbars taking no room).
const width = document.documentElement.clientWidth;
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
                h1: (document.querySelector('h1') || {}).innerText || '',
                error: (document.querySelector('main p.error') || {}).innerText || ''};
result.closed = {scrollWidth: document.documentElement.scrollWidth, width: width, widest: []};
if (result.closed.scrollWidth > width) result.closed.widest = widest();
// Folded parts (a case's other steps, the phone menu) opened, as a person would open them.
for (const details of document.querySelectorAll('details')) details.open = true;
const toggle = document.getElementById('menu-toggle');
if (toggle) toggle.checked = true;
result.opened = {scrollWidth: document.documentElement.scrollWidth, width: width, widest: []};
if (result.opened.scrollWidth > width) result.opened.widest = widest();
// The words a person reads or hears: the visible text with folded parts opened, the tab's title, the
// choices of every list, placeholders, labels read aloud and button values. Not what is marked as not to
// be translated or as in a language of its own (the language switch names the other language on purpose).
const own = document.documentElement.lang;
const apart = Array.from(document.body.querySelectorAll('[translate=no], [lang]'))
  .filter(e => e.getAttribute('translate') === 'no' || e.getAttribute('lang') !== own);
const shown = apart.map(e => e.style.display);
apart.forEach(e => { e.style.display = 'none'; });
const counted = e => !apart.some(a => a.contains(e));
const parts = [document.title, document.body.innerText];
for (const option of document.querySelectorAll('option')) if (counted(option)) parts.push(option.textContent);
for (const element of document.querySelectorAll('[placeholder], [aria-label], [title], img[alt]')) {
  if (!counted(element)) continue;
  for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
    if (element.hasAttribute(name)) parts.push(element.getAttribute(name));
  }
}
for (const button of document.querySelectorAll('input[type=submit], input[type=button]')) {
  if (counted(button)) parts.push(button.value);
}
apart.forEach((e, i) => { e.style.display = shown[i]; });
result.text = parts.join('\n');
// Where the page leads, for one level below the menu: links inside the page's main part.
result.links = Array.from(document.querySelectorAll('main a[href]')).map(a => a.getAttribute('href'));
return result;
"""

ID_LIKE = re.compile(r"\d")


def kind_of(path):
    """/children/3f2a…, /children/8c1e… → /children/:id; /indicators/TR07 → /indicators/:id."""
    return "/".join(":id" if ID_LIKE.search(segment) else segment for segment in path.split("/"))


def worth_following(path):
    """A page of this site, not a file, not an action."""
    if not path.startswith("/") or path.startswith("//"):
        return False
    segments = [s for s in path.split("/") if s]
    return bool(segments) and "." not in segments[-1] and not ACTION_SEGMENTS & set(segments)


def records_of(database, role):
    """Records a role's lists do not lead to with demo data: the counsellor's list is today's calls, and the
    demo's calls are spread over the past year, so the newest call is looked up in the database."""
    if role != "hotline" or not os.path.exists(database):
        return []
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        row = db.execute("SELECT id FROM hotline_contacts ORDER BY started_at DESC LIMIT 1").fetchone()
    return [f"/hotline/contacts/{row[0]}"] if row else []


# ---------------------------------------------------------------------------------------------------------
# The one-language rule

PUNCTUATION = " \t\n.,:;!?()“”\"'«»-–—/…"


def fold(text):
    return re.sub(r"\s+", " ", text).strip().casefold()


def occurs(needle, haystack):
    """`needle` in `haystack` as whole words (both already folded)."""
    return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", haystack) is not None


def user_data(database):
    """What people typed or named, as stored: children's, carers' and officers' names, places, notes,
    findings, campaigns, questions and answers, and the names of provinces and communes. It is shown as
    typed whatever the reader's language, so it is taken out of a page's text before the rule applies.
    Not data: tables that carry their own English (a column ending in _en: topics, circumstances,
    notifications) and documents with {"vi", "en"} pairs — words there that show in the wrong language are
    the software's, and count. Returns (values, words of names)."""
    values, name_words = set(), set()

    def walk(value, column):
        if isinstance(value, dict):
            if not {"vi", "en"} <= value.keys():
                for inner in value.values():
                    walk(inner, column)
        elif isinstance(value, list):
            for inner in value:
                walk(inner, column)
        elif isinstance(value, str) and value.strip():
            values.add(re.sub(r"\s+", " ", value).strip())
            if "name" in column:
                name_words.update(re.findall(r"\w+", value))

    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            if table in ("audit_entries", "account_sessions", "_fluent_migrations"):
                continue
            columns = [row[1] for row in db.execute(f'PRAGMA table_info("{table}")')]
            if any(column.endswith("_en") for column in columns):
                continue
            for column in columns:
                query = f'SELECT DISTINCT "{column}" FROM "{table}" WHERE typeof("{column}") = \'text\''
                for (value,) in db.execute(query):
                    if value[:1] in "{[":
                        try:
                            walk(json.loads(value), column)
                            continue
                        except ValueError:
                            pass
                    walk(value, column)
    return values, name_words


class ForeignWords:
    """The strings table's values in `language`, as they betray a page in the other language.

    The rule, chosen to catch what a reader notices and not what is merely ambiguous:
    - values of two words or more (and the literal parts of values with {placeholders}) are looked for
      anywhere in the page's text, as whole words, in any case: "Family name", "Tạm thời cách ly";
    - single words only when they have at least three letters, exactly as the table writes them (capital
      included: a label), are not an abbreviation, and are not part of a person's or place's name in the
      data: "Reasons", "Provider", "Approve" in "Lý do / Reasons", "Lưu" on an English button; not "Trang"
      (page, and a given name), "Mã", "OK";
    - never values that are the same in both languages ("dd/mm/yyyy", keyboard shortcuts), nor words that
      also occur in some value of the page's own language (then their presence proves nothing);
    - user data (see `user_data`) is taken out of the page's text first, and so is any element marked
      translate="no" or with a lang of its own (the language switch names the other language on purpose)."""

    def __init__(self, strings, language, data):
        values, name_words = data
        other = "vi" if language == "en" else "en"
        own = [fold(entry[other]) for entry in strings.values()]
        self.phrases, self.words = {}, {}
        for key, entry in strings.items():
            if fold(entry["vi"]) == fold(entry["en"]):
                continue
            for part in re.split(r"\{[^}]*\}", entry[language]):
                part = part.strip(PUNCTUATION)
                words = re.findall(r"\w+", part)
                folded = fold(part)
                if not words or any(occurs(folded, value) for value in own):
                    continue
                if len(words) >= 2:
                    self.phrases.setdefault(folded, (key, part))
                elif (part == words[0] and len(part) >= 3 and not part.isupper() and not part.isdigit()
                      and part not in name_words):
                    self.words.setdefault(part, key)
        # One search for all the phrases (in any case), one for all the words (as written), longest first.
        def alternatives(texts):
            return "|".join(re.escape(text) for text in sorted(texts, key=len, reverse=True)) or "(?!x)x"
        self.phrase_search = re.compile(rf"(?<!\w)(?:{alternatives(self.phrases)})(?!\w)", re.IGNORECASE)
        self.word_search = re.compile(rf"(?<!\w)(?:{alternatives(self.words)})(?!\w)")
        # Only the data that would otherwise match is taken out of a page, longest first.
        matching = [value for value in values if self.phrase_search.search(value) or self.word_search.search(value)]
        self.data_search = re.compile(alternatives(matching), re.IGNORECASE) if matching else None

    def found_in(self, text):
        """Each value found in `text`, with its strings key and the words around it."""
        text = re.sub(r"\s+", " ", text)
        if self.data_search:
            text = self.data_search.sub(" ¦ ", text)
        hits = {}
        for search, lookup in ((self.phrase_search, lambda m: self.phrases[fold(m)]),
                               (self.word_search, lambda m: (self.words[m], m))):
            for found in search.finditer(text):
                key, original = lookup(found.group(0))
                if original not in hits:
                    around = text[max(0, found.start() - 30):found.end() + 30].strip()
                    hits[original] = f"“{original}” ({key}) in “…{around}…”"
        return sorted(hits.values())


def test_the_one_language_rule_catches_what_the_issue_found_and_not_names(strings):
    """The rule itself, without a browser: the mixed labels of the case page that issue 16 found are
    caught, a commune's name and a child's on an English page are not."""
    data = ({"Phường Ba Đình", "Trần Thị Trang"}, {"Phường", "Ba", "Đình", "Trần", "Thị", "Trang"})
    vietnamese_page = ForeignWords(strings, "en", data)
    mixed = "Lý do / Reasons. Cơ quan nhận / Provider. Phê duyệt / Approve"
    found = [hit.split(" ")[0] for hit in vietnamese_page.found_in(mixed)]
    assert found == ["“Approve”", "“Provider”", "“Reasons”"]
    english_page = ForeignWords(strings, "vi", data)
    assert english_page.found_in("Case in Phường Ba Đình, child Trần Thị Trang. Page 2") == []
    assert english_page.found_in("Reasons: Lý do") != []


# ---------------------------------------------------------------------------------------------------------
# The crawl: once per module, the tests below read it


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
        crawl.broken.append((path, role, language, f"opens the error page: {seen['error']}"))
    for state, label in (("closed", "as loaded"), ("opened", "with its folded parts opened")):
        measured = seen[state]
        if measured["scrollWidth"] > measured["width"]:
            crawl.overflows.append((path, role, language,
                                    f"{measured['scrollWidth'] - measured['width']} px too wide {label}; widest: "
                                    + "; ".join(measured["widest"] or ["(none found outside a scrolling box)"])))
            break
    hits = table.found_in(seen["text"])
    if hits:
        crawl.mixed.append((path, role, language, "\n      " + "\n      ".join(hits)))
    return seen


@pytest.fixture(scope="module")
def crawl(demo_server, phone, strings):
    base, demo_database = demo_server
    result = Crawl()
    started = time.time()
    data = user_data(demo_database)
    tables = {"vi": ForeignWords(strings, "en", data), "en": ForeignWords(strings, "vi", data)}
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
        records = records_of(demo_database, role)
        kinds = collections.Counter(kind_of(urllib.parse.urlsplit(page).path) for page in menu_pages + records)
        # Vietnamese first: each menu page, then up to FOLLOW_PER_MENU_PAGE pages below it (one of each kind),
        # and from those the first record they list (the hotline's contact, under its day's list).
        pages = []
        queue = [(page, 0) for page in menu_pages] + [(page, 1) for page in records]
        while queue:
            page, depth = queue.pop(0)
            pages.append(page)
            seen = check_page(result, phone, base, role, "vi", page, tables["vi"], strings["errorTitle"]["vi"])
            if not seen or depth == 2:
                continue
            followed = []
            for href in seen["links"]:
                target = urllib.parse.urlsplit(urllib.parse.urljoin(base + page, href))
                if f"{target.scheme}://{target.netloc}" != base or not worth_following(target.path):
                    continue
                kind = kind_of(target.path)
                address = target.path + (f"?{target.query}" if target.query else "")
                if (kinds[kind] >= SAME_KIND.get(kind, 1) or (depth == 1 and ":id" not in kind)
                        or address in pages or address in (item[0] for item in queue + followed)):
                    continue
                kinds[kind] += 1
                followed.append((address, depth + 1))
                if len(followed) >= (FOLLOW_PER_MENU_PAGE if depth == 0 else 1):
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
        kind = kind_of(urllib.parse.urlsplit(page).path)
        by_page.setdefault(kind, []).append(f"  [{role}, {language}] {page}: {problem}")
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
