#!/usr/bin/env python3
"""Turns the measurements of bench/run.sh into bench/RESULTS.md."""
import json
import pathlib
import platform
import re
import statistics
import subprocess
import sys


def median(work, n, name):
    """The median over the rounds (`times-N-ROUND.json`, one run of each tool per round)."""
    times = [next(r["mean"] for r in json.loads(path.read_text())["results"] if r["command"] == name)
             for path in sorted(work.glob(f"times-{n}-*.json"))]
    return statistics.median(times)


def copy_seconds(work, n):
    """The median time to copy our output (`copy-N.json`): the write floor."""
    return statistics.median(json.loads((work / f"copy-{n}.json").read_text())["results"][0]["times"])


def peak_mib(work, tool, n):
    text = (work / f"memory-{tool}-{n}.txt").read_text()
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024


def first_line(command):
    try:
        return subprocess.run(command, capture_output=True, text=True).stdout.splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


def main():
    work = pathlib.Path(sys.argv[1])
    sizes = [int(n) for n in sys.argv[2:]]
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "unknown")
    memory = next(line.split(":", 1)[1].strip() for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    print("# Benchmark results\n")
    print("Made by `make bench` (`bench/run.sh`): generated catalogues (`bench/generate.py`), release builds, "
          "[hyperfine](https://github.com/sharkdp/hyperfine) runs taking turns (one run of each tool a round, "
          "7 rounds at 1,000 and 10,000 services, 3 at 100,000, after a warm-up round; medians shown; the scaling from 10,000 to 100,000 is also measured in pairs, below), sources and outputs "
          "in tmpfs, outputs deleted outside the timed part. Hugo builds the same service files with the equivalent templates in `bench/hugo/`. "
          "The read floor is `cat` of every source file; the write floor is `cp -r` of our output into the same tmpfs (3 runs).\n")
    print(f"Machine: {cpu}, {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, "
          f"{memory} memory, {platform.system()} {platform.release()}; {first_line(['swift', '--version'])}; "
          f"{first_line(['hugo', 'version'])}.\n")
    print("| services | check s | build s | Hugo s | read floor s | write floor s | build ÷ Hugo | check ÷ Hugo | build ÷ read floor | "
          "peak MiB check / build / Hugo | output MiB ours / Hugo | search index MiB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n in sizes:
        check, build, hugo, floor = (median(work, n, name) for name in ("check", "build", "hugo", "floor"))
        peaks = " / ".join(f"{peak_mib(work, tool, n):.0f}" for tool in ("check", "build", "hugo"))
        ours = int((work / f"size-ours-{n}.txt").read_text()) / 2**20
        theirs = int((work / f"size-hugo-{n}.txt").read_text()) / 2**20
        search = int((work / f"size-search-{n}.txt").read_text()) / 2**20
        print(f"| {n:,} | {check:.3f} | {build:.3f} | {hugo:.3f} | {floor:.3f} | {copy_seconds(work, n):.3f} | {build / hugo:.2f} | {check / hugo:.3f} | "
              f"{build / floor:.0f} | {peaks} | {ours:.0f} / {theirs:.0f} | {search:.1f} |")
    for n in sizes:
        ratios = []
        for path in sorted(work.glob(f"times-{n}-*.json")):
            results = {r["command"]: r["mean"] for r in json.loads(path.read_text())["results"]}
            ratios.append(results["build"] / results["hugo"])
        print(f"\nbuild ÷ Hugo round by round at {n:,} services: " + ", ".join(f"{r:.2f}" for r in ratios) + ".", end="")
    print()
    if len(sizes) > 1 and 10000 in sizes and 100000 in sizes:
        print(f"\nScaling from 10,000 to 100,000 services: build × {median(work, 100000, 'build') / median(work, 10000, 'build'):.1f}, "
              f"check × {median(work, 100000, 'check') / median(work, 10000, 'check'):.1f}; "
              f"Hugo × {median(work, 100000, 'hugo') / median(work, 10000, 'hugo'):.1f}; "
              f"the write floor (copying our output alone) × {copy_seconds(work, 100000) / copy_seconds(work, 10000):.1f}.")
        pairs = [{r["command"]: r["mean"] for r in json.loads(path.read_text())["results"]}
                 for path in sorted(work.glob("scaling-*.json"))]
        if pairs:
            print("\n## Scaling from 10,000 to 100,000 services, measured in pairs\n")
            print(f"{len(pairs)} rounds (after a warm-up round), each running check and build on 10,000 and on 100,000 "
                  "services one right after the other (every other round the larger first), so that both sizes meet the same "
                  "state of the machine.\n")
            print("| | 10,000 s (median) | 100,000 s (median) | × (ratio of medians) | × round by round |")
            print("|---|---|---|---|---|")
            for tool in ("check", "build"):
                small = [pair[f"{tool}-10000"] for pair in pairs]
                large = [pair[f"{tool}-100000"] for pair in pairs]
                rounds = ", ".join(f"{b / a:.1f}" for a, b in zip(small, large))
                print(f"| {tool} | {statistics.median(small):.3f} | {statistics.median(large):.3f} | "
                      f"{statistics.median(large) / statistics.median(small):.1f} | {rounds} |")
    serve = work / "serve-10000.json"
    if serve.exists() and 10000 in sizes:
        data = json.loads(serve.read_text())
        build = median(work, 10000, "build")
        print("\n## `onedoor serve` at 10,000 services\n")
        print("One service file edited at a time, seven times for each kind of edit (`bench/serve_bench.py`). "
              "*Rebuild* is the time serve reports for the rebuild; *noticed* runs from the file being written to "
              "the rebuild being ready, so it adds noticing the save (file events, then 20 ms for the "
              "save to settle) and the look at every file's modification time.\n")
        print("| edit | rebuild ms (median) | slowest ms | ÷ full build | noticed ms (median) |")
        print("|---|---|---|---|---|")
        for kind, result in data["edits"].items():
            print(f"| {kind} | {result['rebuild_ms']:.0f} | {result['rebuild_max_ms']:.0f} | "
                  f"{result['rebuild_ms'] / 1000 / build * 100:.1f} % | {result['noticed_ms']:.0f} |")
    rounds = paired_rounds(work, "measured-10000")
    if rounds and 10000 in sizes:
        print("\n## Results against targets at 10,000 services\n")
        print(f"The same catalogue with `performance/results.csv`: 8 periods × 4 priorities for every service, 320,000 rows "
              f"(`bench/generate.py --performance`); {len(rounds)} rounds taking turns (each round runs the four commands "
              f"one after another), after a warm-up round; medians, and the median of the rounds' ratios. The goal is "
              f"at most 1.3 × the time without.\n")
        paired_table(rounds, [("check", "check", "check measured"), ("build", "build", "build measured")], "without s", "with s")
    rounds = paired_rounds(work, "bilingual-10000")
    if rounds and 10000 in sizes:
        print("\n## Two languages at 10,000 services\n")
        print(f"The same catalogue in English and French (`bench/generate.py --bilingual`): `languages: [en, fr]`, the YAML "
              f"files' names as maps, and a translation beside every service; {len(rounds)} rounds taking turns, after a "
              f"warm-up round. The goal is at most 2.2 × the time of the catalogue in one language.\n")
        paired_table(rounds, [("build", "build", "build bilingual")], "one language s", "two languages s")
    search = work / "search-10000.md"
    if search.exists() and 10000 in sizes:
        print("\n## Search at 10,000 services\n")
        print("In headless Chromium from `file://` (`bench/search_bench.py`): the files each query downloads, "
              "their size as a web server would send them (gzip level 6), and the time from a keystroke to its "
              "results on screen.\n")
        print(search.read_text())
    section(work / "search-quality.md", "Search quality on the Government of Canada's inventory",
            "1,751 services in English and French (`../shared/tools/gc-convert --bilingual`), the same built pages "
            "searched by OneDoor and by Pagefind 1.5.2 (`bench/search/quality.py`; how the queries were chosen: "
            "`bench/search/make_queries.py` and docs/search.md).")
    section(work / "search-quality-second.md", "Search quality: a second set of plain needs",
            "20 needs in plain words written after the ranking's rules, with their answers chosen in the data "
            "(`bench/search/plain-second.tsv`), on the same pages: how the rules do on needs they were not tuned on.")
    section(work / "search-keystrokes-gc.md", "Keystrokes on the Government of Canada's inventory",
            "Every English query of the set typed into the built portal's English pages, a keystroke at a time as soon as "
            "the last one's results are on screen, in headless Chromium from `file://` (`bench/search_bench.py --queries`); "
            "the time from each keystroke to its results on screen.")
    section(work / "search-keystrokes-gc-paced.md", "Keystrokes on the Government of Canada's inventory, at a typist's pace",
            "The same queries typed at a fast typist's pace, a keystroke every 100 ms (or as soon as the last one's "
            "results are on screen, when they took longer): the page has the pauses between keystrokes that people "
            "leave, in which the files the next letters may need load.")


def paired_rounds(work, name):
    """Each round's time of each command, from `NAME-ROUND.json`."""
    rounds = []
    for path in sorted(work.glob(f"{name}-*.json")):
        rounds.append({r["command"]: r["times"][0] for r in json.loads(path.read_text())["results"]})
    return rounds


def paired_table(rounds, rows, before, after):
    """Medians of two commands' times, their ratio, and the median of the rounds' ratios."""
    print(f"| | {before} | {after} | × (medians) | × (median of rounds) | × round by round |")
    print("|---|---|---|---|---|---|")
    for label, first, second in rows:
        a = statistics.median(r[first] for r in rounds)
        b = statistics.median(r[second] for r in rounds)
        ratios = [r[second] / r[first] for r in rounds]
        print(f"| {label} | {a:.3f} | {b:.3f} | {b / a:.2f} | {statistics.median(ratios):.2f} | "
              + ", ".join(f"{x:.2f}" for x in ratios) + " |")


def section(path, title, introduction):
    """A section made of a measurement's own file, when the run made it."""
    if path.exists():
        print(f"\n## {title}\n")
        print(introduction + "\n")
        print(path.read_text())


if __name__ == "__main__":
    main()
