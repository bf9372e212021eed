#!/usr/bin/env python3
"""Login throughput: logs one registered citizen in again and again from several threads.

Each login is what a browser does: GET a captcha, read its answer from the sandbox (the only
sandbox step), POST /api/identity/login. Reports logins/s and latency. Loopback only, bounded
by --seconds. Used by login.sh; needs the sandbox feature.
"""
import argparse, json, random, threading, time, urllib.request

def call(base, method, path, body=None):
    req = urllib.request.Request(base + path, method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")

def captcha(base):
    _, c = call(base, "GET", "/api/identity/captcha")
    _, a = call(base, "GET", "/api/sandbox/captcha/" + c["id"])
    return c["id"], a["answer"]

def id_number():
    base = "440304%04d%02d%02d%03d" % (random.randint(1950, 1999), random.randint(1, 12), random.randint(1, 28), random.randint(0, 999))
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return base + "10X98765432"[sum(int(d) * x for d, x in zip(base, w)) % 11]

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", default="http://127.0.0.1:18181")
    p.add_argument("--threads", type=int, default=4)
    p.add_argument("--seconds", type=int, default=20)
    a = p.parse_args()
    person = {"name": "压测", "idNumber": id_number(), "mobile": "139%08d" % random.randint(0, 99999999), "password": "Guangsha#2026"}
    cid, ans = captcha(a.base)
    status, body = call(a.base, "POST", "/api/identity/register", dict(person, captchaId=cid, captchaAnswer=ans))
    assert status == 201, (status, body)
    latencies, errors, lock = [], [0], threading.Lock()
    stop = time.time() + a.seconds
    def worker():
        while time.time() < stop:
            cid, ans = captcha(a.base)
            t = time.perf_counter()
            s, _ = call(a.base, "POST", "/api/identity/login", {"account": person["idNumber"], "password": person["password"], "captchaId": cid, "captchaAnswer": ans})
            dt = time.perf_counter() - t
            with lock:
                (latencies.append(dt) if s == 200 else errors.__setitem__(0, errors[0] + 1))
    threads = [threading.Thread(target=worker) for _ in range(a.threads)]
    start = time.time()
    [t.start() for t in threads]
    [t.join() for t in threads]
    elapsed = time.time() - start
    latencies.sort()
    n = len(latencies)
    print("logins=%d errors=%d seconds=%.1f threads=%d logins_per_s=%.1f p50=%d ms p95=%d ms"
          % (n, errors[0], elapsed, a.threads, n / elapsed, latencies[n // 2] * 1000, latencies[int(n * 0.95)] * 1000))

if __name__ == "__main__":
    main()
