#!/usr/bin/env python3
"""Time to open the indicator dashboards and API against a running Tre, as the national analyst, a
provincial officer and a commune officer would. Prints p50/p95/p99 of the whole response (the pages are
small: time to first byte and time to last byte differ by a few milliseconds on loopback).

Not part of `swift test`; run it after `tre demo` (accounts, data, computed figures) and `tre serve`:

    python3 bench/indicators_latency.py --url http://127.0.0.1:8080 --password PW --loads 50
"""
import argparse
import time

import urllib.request

from cases_latency import signed_in_browser, summary, token


def timed(opener, url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    begin = time.perf_counter()
    with opener.open(request) as answer:
        answer.read()
    return (time.perf_counter() - begin) * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--password", required=True)
    parser.add_argument("--loads", type=int, default=50)
    parser.add_argument("--period", default=str(time.localtime().tm_year))
    options = parser.parse_args()
    url, period = options.url, options.period
    analyst = signed_in_browser(url, "analyst", options.password)
    province = signed_in_browser(url, "tinh1", options.password)
    commune = signed_in_browser(url, "xa4", options.password)
    api = urllib.request.build_opener()
    bearer = {"Authorization": "Bearer " + token(url, "analyst", options.password)}

    cases = [
        ("national dashboard (all indicators)", analyst, f"/indicators?period={period}", None),
        ("national TR05 by province (chart)", analyst, f"/indicators/TR05?period={period}", None),
        ("national 0101 by abuse form", analyst, f"/indicators/0101?period={period}&by=abuse_form", None),
        ("province dashboard (Hà Nội)", province, f"/indicators?period={period}", None),
        ("province TR02 by commune (chart)", province, f"/indicators/TR02?period={period}", None),
        ("commune dashboard (Ba Đình)", commune, f"/indicators?period={period}", None),
        ("API national TR05", api, f"/api/v1/indicators/TR05?unit=VN&period={period}", bearer),
        ("API national TR07 quarter", api, f"/api/v1/indicators/TR07?unit=VN&period={period}-Q4", bearer),
        ("XLSX national TR05", analyst, f"/indicators/TR05/table.xlsx?period={period}", None),
    ]
    for label, opener, path, headers in cases:
        timed(opener, url + path, headers)  # warm
        timings = [timed(opener, url + path, headers) for _ in range(options.loads)]
        print(summary(label, timings), flush=True)


if __name__ == "__main__":
    main()
