#!/usr/bin/env python3
"""Hotline load: contacts logged through the API by several clients at once (requests per second and
latency percentiles), then the time to compute a year of statistics. Not part of `swift test`; run it
after `tre demo --contacts 500000` (accounts and a year of contacts) and `tre serve`:

    python3 bench/contacts_load.py --url http://127.0.0.1:8080 --password PW --contacts 5000 --clients 8
"""
import argparse
import json
import statistics
import threading
import time
import urllib.request


def call(url, token=None, body=None, method=None):
    request = urllib.request.Request(url, data=json.dumps(body).encode() if body else None, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--password", required=True)
    parser.add_argument("--contacts", type=int, default=5000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--year", type=int, default=2026)
    options = parser.parse_args()
    token = call(options.url + "/api/v1/auth/token", body={"username": "hotline", "password": options.password})["token"]

    timings = []
    lock = threading.Lock()

    def client(index):
        mine = []
        for n in range(index, options.contacts, options.clients):
            body = {"channel": "phone_111", "callerType": "adult_about_child",
                    "callerIdentifier": f"09{n % 100000:08d}", "topicCodes": ["family.parent_child"],
                    "outcome": "counselled", "notes": f"Cuộc gọi thử {n}"}
            begin = time.perf_counter()
            call(options.url + "/api/v1/contacts", token, body)
            mine.append((time.perf_counter() - begin) * 1000)
        with lock:
            timings.extend(mine)

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(options.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    print(f"log a contact, {options.clients} clients: {len(timings)} in {elapsed:.1f} s = "
          f"{len(timings) / elapsed:.0f} contacts/s; p50 {percentile(timings, 0.5):.1f} ms  "
          f"p95 {percentile(timings, 0.95):.1f} ms  p99 {percentile(timings, 0.99):.1f} ms  "
          f"mean {statistics.mean(timings):.1f} ms")

    for period in ("year", "quarter", "month"):
        runs = []
        figures = None
        for _ in range(5):
            begin = time.perf_counter()
            figures = call(f"{options.url}/api/v1/hotline/statistics?period={period}&date={options.year}-11-15", token)
            runs.append((time.perf_counter() - begin) * 1000)
        print(f"statistics for the {period} ({figures['incoming']['total']} contacts, "
              f"{figures['counselled']['total']} counselled, {figures['intervention']['total']} intervention): "
              f"median {statistics.median(runs):.0f} ms, worst {max(runs):.0f} ms of 5")


if __name__ == "__main__":
    main()
