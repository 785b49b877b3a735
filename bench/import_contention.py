#!/usr/bin/env python3
"""Other people's requests while a commune officer imports a large list of children through the web page.

Several clients read (the registry's list through the API, a signed-in page) and write (a child registered
through the API) for a while alone, then again while a file of N rows is imported through /children/import and
committed; prints p50/p95/max and the failures of each phase, and how long the import took. Not part of
`swift test`; run it after `tre demo --children 0 --cases 0 --contacts 0` (for the accounts) and `tre serve`:

    python3 bench/import_contention.py --url http://127.0.0.1:8080 --password PW --rows 100000
"""
import argparse
import http.cookiejar
import json
import random
import re
import statistics
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

FAMILIES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLES = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Gia", "Bảo"]
GIVENS = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hiếu", "Hoa", "Hùng", "Khánh", "Lan", "Linh",
          "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến"]


def call(url, token=None, body=None):
    request = urllib.request.Request(url, data=json.dumps(body).encode() if body else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=120) as answer:
        return json.load(answer)


def browser_for(url, user, password):
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    page = browser.open(url + "/login").read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"username": user, "password": password, "_csrf": csrf}).encode()
    browser.open(url + "/login", data=form).read()
    return browser


def csrf_of(browser, url):
    page = browser.open(url).read().decode()
    return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)


def children_csv(rows):
    lines = ["Họ và tên,Giới tính,Ngày sinh"]
    seen = set()
    generator = random.Random(7)
    while len(lines) <= rows:
        family, middle, given = generator.choice(FAMILIES), generator.choice(MIDDLES), generator.choice(GIVENS)
        day = f"{generator.randint(2009, 2024)}-{generator.randint(1, 12):02d}-{generator.randint(1, 28):02d}"
        key = (family, middle, given, day)
        if key in seen:
            continue
        seen.add(key)
        sex = "Nữ" if middle == "Thị" else generator.choice(["Nam", "Nữ"])
        lines.append(f"{family} {middle} {given},{sex},{day}")
    return "\n".join(lines).encode()


def multipart(fields, file_field, file_name, content):
    boundary = "----tre-bench-%d" % random.randint(0, 1 << 30)
    body = b""
    for name, value in fields.items():
        body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    body += (f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{file_name}"\r\n'
             "Content-Type: text/csv\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
    return body, "multipart/form-data; boundary=" + boundary


class Load:
    """Clients that read and write until stopped, recording each request's time and outcome."""

    def __init__(self, url, token, browser_factory, clients):
        self.url, self.token, self.clients = url, token, clients
        self.browsers = [browser_factory() for _ in range(clients)]
        self.samples = {"read": [], "page": [], "write": []}
        self.failures = []
        self.stop = threading.Event()
        self.lock = threading.Lock()

    def timed(self, kind, action):
        started = time.perf_counter()
        try:
            action()
            with self.lock:
                self.samples[kind].append((time.perf_counter() - started) * 1000)
        except urllib.error.HTTPError as error:
            with self.lock:
                self.failures.append(f"{kind} {error.code}")
        except Exception as error:  # a timeout or a reset is what this benchmark looks for
            with self.lock:
                self.failures.append(f"{kind} {type(error).__name__}")

    def client(self, number):
        browser = self.browsers[number]
        generator = random.Random(time.time_ns() + number)  # new names each phase: no duplicate refusals
        while not self.stop.is_set():
            self.timed("read", lambda: call(self.url + "/api/v1/children?per=50&q=" + urllib.parse.quote(
                generator.choice(GIVENS)), self.token))
            self.timed("page", lambda: browser.open(self.url + "/cases", timeout=120).read())
            name = f"{generator.choice(FAMILIES)} {generator.choice(MIDDLES)} {generator.choice(GIVENS)}"
            day = f"20{generator.randint(10, 23)}-{generator.randint(1, 12):02d}-{generator.randint(1, 28):02d}"
            self.timed("write", lambda: call(self.url + "/api/v1/children", self.token, {
                "fullName": name, "sex": "female", "dateOfBirth": day, "communeCode": 8}))
            time.sleep(0.2)

    def run(self, during):
        self.samples = {"read": [], "page": [], "write": []}
        self.failures = []
        self.stop.clear()
        threads = [threading.Thread(target=self.client, args=(n,)) for n in range(self.clients)]
        for thread in threads:
            thread.start()
        result = during()
        self.stop.set()
        for thread in threads:
            thread.join()
        return result

    def report(self, phase):
        for kind, values in self.samples.items():
            if not values:
                print(f"{phase:>14} {kind:>6}: no request finished")
                continue
            values = sorted(values)
            p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
            print(f"{phase:>14} {kind:>6}: n={len(values):5d} p50={statistics.median(values):8.1f} ms "
                  f"p95={p95:8.1f} ms max={values[-1]:8.1f} ms")
        print(f"{phase:>14} failures: {len(self.failures)} {sorted(set(self.failures))[:6]}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--password", required=True)
    parser.add_argument("--importer", default="xa4", help="commune officer who imports (Phường Ba Đình)")
    parser.add_argument("--other", default="xa8", help="commune officer working beside (Phường Ngọc Hà)")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--baseline-seconds", type=float, default=15)
    options = parser.parse_args()
    url = options.url.rstrip("/")

    token = call(url + "/api/v1/auth/token", body={"username": options.other, "password": options.password})["token"]
    load = Load(url, token, lambda: browser_for(url, options.other, options.password), options.clients)
    load.run(lambda: time.sleep(options.baseline_seconds))
    load.report("alone")

    importer = browser_for(url, options.importer, options.password)
    content = children_csv(options.rows)
    csrf = csrf_of(importer, url + "/children/import")
    body, content_type = multipart({"_csrf": csrf, "communeCode": "4"}, "file", "danh-sach.csv", content)
    request = urllib.request.Request(url + "/children/import", data=body, headers={"Content-Type": content_type})
    started = time.perf_counter()
    preview = importer.open(request, timeout=600).read().decode()
    checked = time.perf_counter() - started
    action = re.search(r'action="(/children/import/[^"]+)"', preview).group(1)
    csrf = re.search(r'name="_csrf" value="([^"]+)"', preview).group(1)

    progress_failures = []

    def run_import():
        importer.open(url + action, data=urllib.parse.urlencode({"_csrf": csrf}).encode(), timeout=600).read()
        deadline = time.perf_counter() + 1800
        while time.perf_counter() < deadline:
            try:
                page = importer.open(url + action, timeout=600).read().decode()
            except (urllib.error.HTTPError, OSError) as error:  # the importer's own page failing is a finding
                progress_failures.append(getattr(error, "code", type(error).__name__))
                time.sleep(0.5)
                continue
            if "http-equiv=\"refresh\"" not in page:
                return "Đã ghi xong" in page
            time.sleep(0.5)
        return False

    started = time.perf_counter()
    done = load.run(run_import)
    written = time.perf_counter() - started
    load.report("during import")
    print(f"import of {options.rows} rows: checked in {checked:.1f} s, written in {written:.1f} s, "
          f"{'complete' if done else 'NOT complete'}; the importer's progress page failed {len(progress_failures)} "
          f"times {sorted(set(map(str, progress_failures)))}")


if __name__ == "__main__":
    main()
