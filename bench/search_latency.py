#!/usr/bin/env python3
"""Child-name search latency against a running Tre, as a person would search.

Queries are drawn from the registry's own names (taken from the API), typed the ways people type
them: with accents, without, upper case, given name first, or a prefix. Prints p50/p95/p99 per
caller (a commune, a province, the whole country). Not part of `swift test`; run it after
`tre demo --children N` and `tre serve`:

    python3 bench/search_latency.py --url http://127.0.0.1:8080 --password PW xa4 tinh1 hotline
"""
import argparse
import json
import random
import statistics
import time
import unicodedata
import urllib.parse
import urllib.request


def call(url, token=None, body=None):
    request = urllib.request.Request(url, data=json.dumps(body).encode() if body else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)


def unaccented(text):
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def variants(name, rng):
    words = name.split()
    return rng.choice([
        name,
        unaccented(name).lower(),
        name.upper(),
        " ".join([words[-1], words[0]]),
        unaccented(words[0])[:4].lower(),
        unaccented(" ".join(words[-2:])).lower(),
    ])


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--password", required=True)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("users", nargs="+")
    options = parser.parse_args()
    rng = random.Random(7)
    for user in options.users:
        token = call(options.url + "/api/v1/auth/token", body={"username": user, "password": options.password})["token"]
        sample = call(options.url + "/api/v1/children?per=200", token)
        names = [child["fullName"] for child in sample["items"]] or ["Nguyễn Thị Thủy"]
        timings = []
        for _ in range(options.requests):
            query = urllib.parse.quote(variants(rng.choice(names), rng))
            started = time.perf_counter()
            call(f"{options.url}/api/v1/children?q={query}", token)
            timings.append((time.perf_counter() - started) * 1000)
        print(f"{user:>10}: {sample['total']:>8} children in scope, {options.requests} searches: "
              f"p50 {percentile(timings, 0.50):6.1f} ms  p95 {percentile(timings, 0.95):6.1f} ms  "
              f"p99 {percentile(timings, 0.99):6.1f} ms  mean {statistics.mean(timings):6.1f} ms")


if __name__ == "__main__":
    main()
