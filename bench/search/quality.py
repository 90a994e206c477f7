#!/usr/bin/env python3
"""Search quality on the Government of Canada's inventory: the query set (queries.tsv) against our
search and against Pagefind on the same built pages. Prints a Markdown table of hit@1, hit@3 and MRR
per kind of query, and the queries that missed, for bench/RESULTS.md and docs/search.md.

Ours runs in node with the client's own code (bench/search/ours.js, the search.js the pages load).
Pagefind (PyPI pagefind-bin) indexes a copy of the same built portal, every page of it, and is asked in
headless Chromium over HTTP (it fetches its index), from an English page for English queries and a
French one for French queries; its results are read as the service pages among them, in its order.

Usage: python3 bench/search/quality.py SITE [QUERIES] [--misses]
"""
import csv
import functools
import http.server
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import threading

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "Tests" / "portal"))
from browser import chromium  # noqa: E402

KINDS = ["name", "typo", "prefix", "plain", "keyword", "french"]

PAGEFIND_SEARCH = r"""
const [queries, done] = [arguments[0], arguments[arguments.length - 1]];
(async () => {
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.init();
  const answers = [];
  for (const query of queries) {
    const search = await pagefind.search(query);
    const pages = await Promise.all(search.results.slice(0, 40).map((r) => r.data()));
    answers.push(pages.map((p) => p.url));
  }
  done(answers);
})().catch((error) => done({ error: String(error) }));
"""


def service_ids(urls):
    ids = []
    for url in urls:
        if "/services/" in url:
            identifier = url.rsplit("/services/", 1)[1].split(".html")[0].split("#")[0]
            if identifier not in ids:
                ids.append(identifier)
    return ids[:10]


def pagefind(site, rows):
    with tempfile.TemporaryDirectory() as scratch:
        copy = pathlib.Path(scratch) / "site"
        shutil.copytree(site, copy)
        subprocess.run([sys.executable, "-m", "pagefind_bin", "--site", str(copy)], check=True, capture_output=True)
        handler = functools.partial(QuietHandler, directory=str(copy))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        answers = {}
        try:
            with chromium() as driver:
                driver.set_script_timeout(600)
                for language in ("en", "fr"):
                    asked = [row for row in rows if (row["kind"] == "french") == (language == "fr")]
                    page = f"{base}/{language}/index.html" if (copy / language).is_dir() else f"{base}/index.html"
                    driver.get(page)
                    found = driver.execute_async_script(PAGEFIND_SEARCH, [row["query"] for row in asked])
                    if isinstance(found, dict):
                        raise RuntimeError(found["error"])
                    for row, urls in zip(asked, found):
                        answers[id(row)] = service_ids(urls)
        finally:
            server.shutdown()
        return [answers[id(row)] for row in rows]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def ours(site, queries):
    output = subprocess.run(["node", str(HERE / "ours.js"), str(site), str(queries)], check=True, capture_output=True, text=True)
    return [result["ids"] for result in json.loads(output.stdout)]


def score(rows, results):
    table = {}
    misses = []
    for row, ids in zip(rows, results):
        answers = set(row["answers"].split())
        rank = next((n + 1 for n, identifier in enumerate(ids) if identifier in answers), None)
        kind = table.setdefault(row["kind"], [0, 0, 0.0, 0])
        kind[3] += 1
        kind[0] += rank == 1
        kind[1] += bool(rank and rank <= 3)
        kind[2] += 1 / rank if rank else 0
        if not rank or rank > 3:
            misses.append((row["kind"], row["query"], rank))
    return table, misses


def main():
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    site = pathlib.Path(arguments[0])
    queries = (pathlib.Path(arguments[1]) if len(arguments) > 1 else HERE / "queries.tsv").resolve()
    rows = list(csv.DictReader(queries.open(encoding="utf-8"), delimiter="\t"))
    tables = {"OneDoor": score(rows, ours(site, queries)), "Pagefind": score(rows, pagefind(site, rows))}
    root = HERE.parents[1]
    named = queries.relative_to(root) if queries.is_relative_to(root) else queries
    print(f"{len(rows)} queries (`{named}`); a hit is a right service among the first 1 or 3.\n")
    print("| kind | queries | OneDoor hit@1 | hit@3 | MRR | Pagefind hit@1 | hit@3 | MRR |")
    print("|---|---|---|---|---|---|---|---|")
    totals = {name: [0, 0, 0.0, 0] for name in tables}
    for kind in KINDS + ["all"]:
        cells = []
        for name, (table, _) in tables.items():
            if kind == "all":
                h1, h3, mrr, n = totals[name]
            else:
                h1, h3, mrr, n = table.get(kind, [0, 0, 0.0, 0])
                totals[name] = [a + b for a, b in zip(totals[name], [h1, h3, mrr, n])]
            cells += [f"{h1 / n:.0%}", f"{h3 / n:.0%}", f"{mrr / n:.2f}"] if n else ["", "", ""]
        count = sum(1 for row in rows if row["kind"] == kind) if kind != "all" else len(rows)
        label = f"**{kind}**" if kind == "all" else kind
        print(f"| {label} | {count} | " + " | ".join(cells) + " |")
    if "--misses" in sys.argv:
        for name, (_, misses) in tables.items():
            print(f"\n{name} missed the first three on:\n")
            for kind, query, rank in misses:
                print(f"- {kind}: `{query}` ({'not in the first 10' if rank is None else f'at {rank}'})")


if __name__ == "__main__":
    main()
