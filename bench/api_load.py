"""`make bench`: a bounded load test of the JSON API on loopback.

Starts a real `twitchcheck serve` (a throwaway store, a fixed token, a free port on
127.0.0.1), then drives it at a fixed request rate:

- food type-ahead: GET /api/foods/search with varied prefixes of everyday foods
  ("ban", "bana", "banana", ...), 50 concurrent connections; target p99 <= 50 ms;
- screening: POST /api/screen with varied answers; target p99 <= 150 ms.

With `wrk` installed (apt), each connection paces itself with a Lua `delay()` so the total
rate is fixed; otherwise an asyncio client (httpx) sends on a fixed schedule and measures
from the scheduled time (no coordinated omission). Every run is bounded in time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TOKEN = "bench-" + "t" * 40
TARGETS = {"type-ahead": 50.0, "screening": 150.0}  # p99 ms


@dataclass(frozen=True)
class Load:
    """One bounded run: what to send, how many connections, how many requests a second."""

    name: str
    connections: int
    rate: float  # requests per second, all connections together
    seconds: float
    requests: list[tuple[str, str, str | None]]  # method, path, JSON body


def type_ahead() -> list[tuple[str, str, str | None]]:
    """Every prefix of 3+ letters of the 40 everyday foods, as a person types them."""
    lines = (REPO / "tests/data/everyday_foods.txt").read_text(encoding="utf-8").splitlines()
    foods = [line for line in lines if line and not line.startswith("#")]
    queries = sorted({food[:n] for food in foods for n in range(3, len(food) + 1)})
    from urllib.parse import quote

    return [("GET", f"/api/foods/search?q={quote(q)}&limit=8", None) for q in queries]


def screenings() -> list[tuple[str, str, str | None]]:
    """Varied answers: ages, sexes, symptoms, medicines and habits."""
    base = json.loads((REPO / "examples/answers.json").read_text(encoding="utf-8"))
    chosen = random.Random(13)
    bodies: list[tuple[str, str, str | None]] = []
    for n in range(60):
        answers = dict(base)
        answers["age"] = 18 + n % 60
        answers["sex"] = "female" if n % 2 else "male"
        answers["medications"] = chosen.sample(
            ["hydrochlorothiazide", "omeprazole", "furosemide", "atorvastatin", "salbutamol"],
            k=n % 3,
        )
        answers["symptoms"] = chosen.sample(
            ["cramps", "calf_cramps", "night_time", "eyelid_twitching"], k=1 + n % 3
        )
        bodies.append(("POST", "/api/screen", json.dumps(answers)))
    return bodies


@contextmanager
def server() -> Iterator[str]:
    """A real `twitchcheck serve` on a free loopback port; its base URL."""
    home = tempfile.mkdtemp(prefix="twitchcheck-bench-")
    environment = {**os.environ, "TWITCHCHECK_HOME": home, "TWITCHCHECK_TOKEN": TOKEN}
    environment.pop("TWITCHCHECK_DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "twitchcheck", "serve", "--no-open"],
        stdout=subprocess.PIPE, text=True, env=environment,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        found = re.search(r"(http://127\.0\.0\.1:\d+)/", process.stdout.readline())
        if found is None:
            raise SystemExit("twitchcheck serve did not print its address")
        yield found.group(1)
    finally:
        process.terminate()
        process.wait(timeout=20)
        shutil.rmtree(home, ignore_errors=True)


LUA = """
local requests = {}
local n = 0
local pause = %(pause)f
init = function(args)
  for line in io.lines("%(file)s") do
    local method, path, body = line:match("^(%%S+) (%%S+) ?(.*)$")
    if body == "" then body = nil end
    requests[#requests + 1] = wrk.format(method, path, {
      ["Authorization"] = "Bearer %(token)s",
      ["Content-Type"] = "application/json"}, body)
  end
  n = math.random(#requests)
end
request = function()
  n = n %% #requests + 1
  return requests[n]
end
delay = function() return pause end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%d %%d %%.3f %%.3f %%.3f\\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout, summary.duration,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
"""


def run_wrk(base: str, load: Load, folder: Path) -> tuple[int, int, float, float, float, float]:
    lines = folder / f"{load.name}.txt"
    lines.write_text(
        "\n".join(f"{m} {p} {b or ''}".rstrip() for m, p, b in load.requests) + "\n",
        encoding="utf-8",
    )
    script = folder / f"{load.name}.lua"
    pause = 1000.0 * load.connections / load.rate  # each connection's pause (ms)
    script.write_text(LUA % {"pause": pause, "file": lines, "token": TOKEN}, encoding="utf-8")
    threads = min(2, load.connections)
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{load.connections}", f"-d{load.seconds:.0f}s",
         "--timeout", "5s", "-s", str(script), base],
        capture_output=True, text=True, timeout=load.seconds + 60, check=True,
    ).stdout  # fmt: skip
    found = re.search(r"RESULT (\d+) (\d+) (\d+) ([\d.]+) ([\d.]+) ([\d.]+)", output)
    if found is None:
        raise SystemExit(f"wrk printed no result:\n{output}")
    done, errors, micros = int(found[1]), int(found[2]), int(found[3])
    return done, errors, done / (micros / 1e6), float(found[4]), float(found[5]), float(found[6])


async def run_python(base: str, load: Load) -> tuple[int, int, float, float, float, float]:
    import httpx

    limits = httpx.Limits(max_connections=load.connections)
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    total = int(load.rate * load.seconds)
    latencies: list[float] = []
    errors = 0
    async with httpx.AsyncClient(base_url=base, limits=limits, headers=headers) as client:
        start = time.perf_counter()

        async def one(n: int) -> None:
            nonlocal errors
            scheduled = start + n / load.rate
            await asyncio.sleep(max(0.0, scheduled - time.perf_counter()))
            method, path, body = load.requests[n % len(load.requests)]
            try:
                response = await client.request(method, path, content=body, timeout=5)
                if response.status_code != 200:
                    errors += 1
            except httpx.HTTPError:
                errors += 1
            latencies.append((time.perf_counter() - scheduled) * 1000)

        await asyncio.gather(*(one(n) for n in range(total)))
        elapsed = time.perf_counter() - start
    latencies.sort()
    p50 = latencies[len(latencies) // 2]
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return total, errors, total / elapsed, p50, p99, latencies[-1]


def warm(base: str, requests: list[tuple[str, str, str | None]]) -> None:
    """Each distinct request once, unmeasured: the first search opens the food database and
    a query's first run (up to ~40 ms for a misspelt prefix) is cached for the next."""
    import urllib.request

    for method, path, body in requests:
        request = urllib.request.Request(
            base + path, data=body.encode() if body else None, method=method,
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
        )  # fmt: skip
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10, help="length of each run")
    parser.add_argument("--search-rate", type=float, default=200, help="type-ahead req/s")
    parser.add_argument("--screen-rate", type=float, default=20, help="screening req/s")
    parser.add_argument("--python", action="store_true", help="use the Python client, not wrk")
    parser.add_argument("--cold", action="store_true", help="no unmeasured pass first")
    arguments = parser.parse_args()
    loads = [
        Load("type-ahead", 50, arguments.search_rate, arguments.seconds, type_ahead()),
        Load("screening", 10, arguments.screen_rate, arguments.seconds, screenings()),
    ]
    use_wrk = shutil.which("wrk") is not None and not arguments.python
    tool = "wrk (Lua-paced, fixed rate)" if use_wrk else "asyncio + httpx (fixed schedule)"
    warmed = "cold caches" if arguments.cold else "after one unmeasured pass over each request"
    print(f"API load on 127.0.0.1 with {tool}, {arguments.seconds:g} s per run, {warmed}")
    failed = False
    with server() as base, tempfile.TemporaryDirectory() as folder:
        for load in loads:
            if not arguments.cold:
                warm(base, load.requests)
            if use_wrk:
                result = run_wrk(base, load, Path(folder))
            else:
                result = asyncio.run(run_python(base, load))
            done, errors, rate, p50, p99, most = result
            target = TARGETS[load.name]
            verdict = "ok" if p99 <= target and errors == 0 else "OVER TARGET"
            failed |= verdict != "ok"
            print(
                f"  {load.name:<11} {load.connections:>3} conns, asked {load.rate:g}/s, got "
                f"{rate:,.0f}/s over {done:,} requests ({errors} errors, {len(load.requests)} "
                f"distinct): p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {most:.1f} ms "
                f"(target p99 <= {target:g} ms: {verdict})"
            )
    if failed:
        print("  (figures only: a shared or busy machine can miss the targets; see README)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
