#!/usr/bin/env python3
"""Times `onedoor serve`'s rebuild after one edited service file, on a copy of a generated catalogue.

Usage: serve_bench.py ONEDOOR CATALOGUE OUT.json

Three kinds of edit, each made to several services in turn: a sentence added to the description (only
the service's page, search files and catalogue.json change), a new summary (every list that shows the
service changes too), and a new dependency. For each, the rebuild time that serve reports ("Rebuilt … in
N ms", the work of the rebuild) and the time from the file being written to that line (which adds
noticing the save and looking at every file's modification time).
"""
import json
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time


def main():
    onedoor, source, out = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    work = pathlib.Path(tempfile.mkdtemp(prefix="onedoor-serve-", dir="/dev/shm"))
    catalogue = work / "catalogue"
    shutil.copytree(source, catalogue)
    files = sorted(catalogue.glob("services/**/*.md"))
    # Dependencies go to live services early in the list: the generator's services depend only on
    # services before them, so these make no loop with the later services that are edited.
    live = [path.stem for path in files[:400] if "\nstatus: live" in path.read_text()]
    process = subprocess.Popen([onedoor, "serve", str(catalogue), "--port", "0"], stdout=subprocess.PIPE, text=True)
    lines = []
    arrived = threading.Condition()

    def read():
        for line in process.stdout:
            with arrived:
                lines.append((time.monotonic(), line.strip()))
                arrived.notify_all()

    threading.Thread(target=read, daemon=True).start()

    def wait_for(pattern, after):
        deadline = time.monotonic() + 120
        with arrived:
            while time.monotonic() < deadline:
                for stamp, line in lines[after:]:
                    match = re.search(pattern, line)
                    if match:
                        return stamp, match
                arrived.wait(1)
        raise SystemExit(f"serve did not say /{pattern}/ in time: " + "\n".join(line for _, line in lines[after:]))

    try:
        wait_for(r"^Serving ", 0)
        edits = {
            "description": lambda text, n: text + f"\nA sentence added by the benchmark, edit {n}.\n",
            "summary": lambda text, n: re.sub(r"^summary: .*$", f"summary: A summary rewritten by the benchmark, edit {n}.",
                                              text, count=1, flags=re.M),
            "dependency": lambda text, n: re.sub(r"^owner: ", f"depends_on: [{live[n]}]\nowner: ", text, count=1, flags=re.M)
            if "\ndepends_on:" not in text else text.replace("depends_on: [", f"depends_on: [{live[n]}, ", 1),
        }
        results = {}
        for kind, change in edits.items():
            rebuild, noticed = [], []
            for n in range(7):
                path = files[(len(files) // 9) * (n + 1) + len(rebuild) % 3]
                before = len(lines)
                path.write_text(change(path.read_text(), n))
                written = time.monotonic()
                stamp, match = wait_for(r"^(Rebuilt \d+ of \d+ files|Built \d+ files|The catalogue has errors) in (\d+) ms", before)
                if not match.group(1).startswith("Rebuilt"):
                    raise SystemExit(f"the {kind} edit was not rebuilt incrementally: " + "\n".join(line for _, line in lines[before:]))
                rebuild.append(int(match.group(2)))
                noticed.append((stamp - written) * 1000)
                time.sleep(0.6)
            results[kind] = {"rebuild_ms": statistics.median(rebuild), "rebuild_max_ms": max(rebuild),
                             "noticed_ms": statistics.median(noticed)}
        out.write_text(json.dumps({"services": len(files), "edits": results}, indent=2) + "\n")
    finally:
        process.terminate()
        process.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
