#!/usr/bin/env python3
"""Time to open a case, and to load an inbox that holds many open cases, against a running Tre.

Opens N reports through the API (as the hotline would send them) into one commune, timing each, then
loads that commune's and its province's inbox (each filter) repeatedly. Prints p50/p95/p99. Not part
of `swift test`; run it after `tre demo --children 0 --cases 0` (for the accounts) and `tre serve`:

    python3 bench/cases_latency.py --url http://127.0.0.1:8080 --password PW --cases 10000
"""
import argparse
import http.cookiejar
import json
import re
import statistics
import time
import urllib.parse
import urllib.request


def call(url, token=None, body=None):
    request = urllib.request.Request(url, data=json.dumps(body).encode() if body else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)


def token(url, user, password):
    return call(url + "/api/v1/auth/token", body={"username": user, "password": password})["token"]


def signed_in_browser(url, user, password):
    """An opener that holds a signed-in session, as a person's browser would."""
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    page = browser.open(url + "/login").read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"username": user, "password": password, "_csrf": csrf}).encode()
    browser.open(url + "/login", data=form).read()
    return browser


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def summary(label, timings):
    return (f"{label:>34}: n={len(timings):>6}  p50 {percentile(timings, 0.50):7.1f} ms  "
            f"p95 {percentile(timings, 0.95):7.1f} ms  p99 {percentile(timings, 0.99):7.1f} ms  "
            f"mean {statistics.mean(timings):7.1f} ms")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--password", required=True)
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--commune", type=int, default=4)
    parser.add_argument("--loads", type=int, default=50)
    options = parser.parse_args()
    hotline = token(options.url, "hotline", options.password)
    officer = token(options.url, f"xa{options.commune}", options.password)
    province = token(options.url, "tinh1", options.password)

    opening = []
    started = time.perf_counter()
    for index in range(options.cases):
        body = {"channel": "phone_111", "communeCode": options.commune, "abuseForms": ["violence"],
                "abuserIsCarer": index % 4 == 0, "description": f"Tin báo thử số {index + 1}: trẻ bị đánh",
                "reporterName": "Người báo tin", "reporterPhone": "0912345678"}
        begin = time.perf_counter()
        call(options.url + "/api/v1/reports", hotline, body)
        opening.append((time.perf_counter() - begin) * 1000)
        if (index + 1) % max(1, options.cases // 10) == 0:
            print(f"  {index + 1}/{options.cases} reports", flush=True)
    elapsed = time.perf_counter() - started
    if opening:
        print(summary("open a case (POST /api/v1/reports)", opening)
              + f"  ({options.cases / elapsed:.0f} cases/s)")

    for who, bearer in (("commune", officer), ("province", province)):
        for view in ("open", "late", "due_soon", "high_risk"):
            timings = []
            total = 0
            for _ in range(options.loads):
                begin = time.perf_counter()
                total = call(f"{options.url}/api/v1/cases?filter={view}&per=50", bearer)["total"]
                timings.append((time.perf_counter() - begin) * 1000)
            print(summary(f"{who} inbox {view} ({total})", timings))

    browser = signed_in_browser(options.url, f"xa{options.commune}", options.password)
    timings = []
    for _ in range(options.loads):
        begin = time.perf_counter()
        page = browser.open(options.url + "/cases").read().decode()
        timings.append((time.perf_counter() - begin) * 1000)
    assert 'id="cases"' in page, "the inbox page did not load"
    print(summary("commune inbox page (HTML, 50 rows)", timings))


if __name__ == "__main__":
    main()
