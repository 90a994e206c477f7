#!/usr/bin/env python3
"""Search at scale, in headless Chromium from file://: bytes a first query downloads (gzip, as a web
server would send them) and the time each keystroke takes to show its results.

Usage: python3 bench/search_bench.py SITE_DIR [ROUNDS]   (this file's queries, each typed ROUNDS times (3)
       as soon as the last keystroke's results are on screen, and as many at a fast typist's pace)
       python3 bench/search_bench.py SITE_DIR --queries QUERIES.tsv [PACE_MS]   (every keystroke of a query
       set's English queries, typed in SITE_DIR's pages, back to back or a keystroke every PACE_MS: the
       spread of their times)
       python3 bench/search_bench.py SITE_DIR --against OTHER_SITE_DIR [ROUNDS] [PACE_MS]   (this file's
       queries typed in both portals in turns, ROUNDS times (5), back to back or a keystroke every
       PACE_MS: the spread of each one's keystrokes, so that two versions are compared on the same
       moments of a machine whose speed drifts)
"""
import csv
import gzip
import pathlib
import statistics
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "Tests" / "portal"))
from browser import chromium  # noqa: E402

QUERIES = ["password", "service 42", "printer", "wifi network", "secrity", "oassword", "backup storage", "s"]

# A fast typist's pace: a keystroke every 100 ms (about 120 words a minute).
PACE_MS = 100

# Types `text` a keystroke at a time: the next as soon as the last one's results are on screen (`pace`
# 0), or `pace` ms after the last keystroke (at once, if its results took longer).
TYPE_AND_TIME = r"""
const [text, done] = [arguments[0], arguments[arguments.length - 1]];
const pace = arguments.length > 2 ? arguments[1] : 0;
const box = document.getElementById('search-input');
const times = [];
const loads = [];
const scripts = () => document.querySelectorAll('script[src*="search/"]').length;
let at = 0;
const panel = document.getElementById('search-results');
let start = 0, before = 0;
// The moment the results of the text in the box are on screen, seen as it happens (a timer polling
// for it would add its own delay, clamped to 4 ms).
new MutationObserver(() => {
  if ((panel.getAttribute('data-answered') || '').split('\n')[0] !== box.value || !start) return;
  const now = performance.now();
  times.push(now - start);
  loads.push(scripts() - before);
  const wait = Math.max(0, pace - (now - start));
  start = 0;
  setTimeout(next, wait);
}).observe(panel, { attributes: true, attributeFilter: ['data-answered'] });
function next() {
  if (at === text.length) { done([times, loads]); return; }
  box.value = text.slice(0, ++at);
  before = scripts();
  start = performance.now();
  box.dispatchEvent(new Event('input'));
}
// Someone clicks into the box before typing: the page starts loading the index then.
box.focus();
setTimeout(next, 300);
"""


def gzipped(path):
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def keystrokes_of_query_set(site, queries, pace=0):
    """Types each English query of the set, keystroke by keystroke, on a fresh page; prints the spread."""
    rows = [row for row in csv.DictReader(open(queries, encoding="utf-8"), delimiter="\t") if row["kind"] != "french"]
    times, loading, slowest = [], [], []
    with chromium() as driver:
        for row in rows:
            typed, loads = type_query(driver, site, row["query"], pace)
            times.extend(typed)
            loading.extend(t for t, n in zip(typed, loads) if n)
            slowest.extend((t, n, row["query"][:at + 1]) for at, (t, n) in enumerate(zip(typed, loads)))
    times.sort()
    def at(share):
        return times[min(len(times) - 1, int(len(times) * share))]
    over = sum(t > 16 for t in times)
    print(f"{len(rows)} queries, {len(times)} keystrokes: median {statistics.median(times):.1f} ms, 90th percentile {at(0.9):.1f} ms, "
          f"99th {at(0.99):.1f} ms, slowest {times[-1]:.1f} ms; {over} keystrokes ({over / len(times):.0%}) over 16 ms. "
          f"{len(loading)} keystrokes loaded files (median {statistics.median(loading or [0]):.1f} ms).\n")
    print("Slowest keystrokes (ms, files loaded, text in the box): " + "; ".join(
        f"{t:.0f} ms, {n}, `{text}`" for t, n, text in sorted(slowest, reverse=True)[:8]) + ".")


def spread(times):
    """Median, 90th and 99th percentiles, slowest, and how many over 16 ms, in words."""
    times = sorted(times)
    def at(share):
        return times[min(len(times) - 1, int(len(times) * share))]
    return (f"median {statistics.median(times):.1f} ms, 90th percentile {at(0.9):.1f} ms, 99th {at(0.99):.1f} ms, "
            f"slowest {times[-1]:.1f} ms, over 16 ms {sum(t > 16 for t in times)} of {len(times)}")


def in_turns(sites, rounds, pace=0):
    """The queries typed in each portal in turn, `rounds` times; the keystrokes after the first."""
    later = {site: [] for site in sites}
    with chromium() as driver:
        for _ in range(rounds):
            for site in sites:
                for query in QUERIES:
                    later[site].extend(type_query(driver, site, query, pace)[0][1:])
    for site in sites:
        print(f"{site}: {spread(later[site])}.")


def type_query(driver, site, query, pace):
    """Types the query on a fresh page (`TYPE_AND_TIME`): each keystroke's ms and files loaded."""
    driver.get((site / "index.html").as_uri())
    return driver.execute_async_script(TYPE_AND_TIME, query, pace)


def typed(driver, site, query, pace):
    """`type_query`, and the files loaded in all."""
    times, loads = type_query(driver, site, query, pace)
    if pace:
        # What a pause after the last keystroke loads belongs to the query too.
        driver.execute_async_script("setTimeout(arguments[arguments.length - 1], arguments[0])", pace)
    names = driver.execute_script(
        "return Array.from(document.querySelectorAll('script[src*=\"search/\"]'), s => s.src)")
    return times, loads, [site / "search" / name.rsplit("/search/", 1)[1] for name in names]


def main():
    site = pathlib.Path(sys.argv[1]).resolve()
    if sys.argv[2:3] == ["--queries"]:
        keystrokes_of_query_set(site, sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 0)
        return
    if sys.argv[2:3] == ["--against"]:
        in_turns([site, pathlib.Path(sys.argv[3]).resolve()], int(sys.argv[4]) if len(sys.argv) > 4 else 5,
                 int(sys.argv[5]) if len(sys.argv) > 5 else 0)
        return
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    report = []
    later = {0: [], PACE_MS: []}
    with chromium() as driver:
        for query in QUERIES:
            slowest = {0: 0.0, PACE_MS: 0.0}
            firsts = []
            for _ in range(rounds):
                for pace in (0, PACE_MS):
                    times, loads, files = typed(driver, site, query, pace)
                    later[pace].extend(times[1:])
                    slowest[pace] = max([slowest[pace]] + times[1:])
                    if pace:
                        firsts.append(times[0])
            # The bytes of the paced typing: it loads what pauses load as well.
            raw = sum(f.stat().st_size for f in files)
            compressed = sum(gzipped(f) for f in files)
            report.append((query, len(files), raw, compressed, statistics.median(firsts), slowest[0], slowest[PACE_MS]))
    print(f"Each query typed {rounds} times both ways, taking turns: a keystroke as soon as the last one's results are on "
          f"screen, and at a fast typist's pace, a keystroke every {PACE_MS} ms. The files are those the paced typing "
          f"loaded, pauses included.\n")
    print(f"| query | files loaded | bytes | gzip bytes | first keystroke ms (median) | slowest later keystroke ms, "
          f"back to back | slowest later keystroke ms, every {PACE_MS} ms |")
    print("|---|---|---|---|---|---|---|")
    for query, count, raw, compressed, first, fast, paced in report:
        print(f"| {query} | {count} | {raw:,} | {compressed:,} | {first:.1f} | {fast:.1f} | {paced:.1f} |")
    print()
    for pace, name in ((0, "Back to back"), (PACE_MS, f"Every {PACE_MS} ms")):
        print(f"{name}, keystrokes after the first: {spread(later[pace])}.")


if __name__ == "__main__":
    main()
