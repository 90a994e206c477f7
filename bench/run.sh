#!/usr/bin/env bash
# make bench: OneDoor against Hugo and the I/O floor, on generated catalogues of N services.
# Sources and outputs live in a memory-backed folder (tmpfs), and outputs are deleted outside the
# timed part, so that disk write-back from one run does not land on the next.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000 100000"}
WORK=${BENCH_DIR:-/dev/shm/onedoor-bench}
ONEDOOR=$PWD/.build/release/onedoor
mkdir -p "$WORK"
rm -rf "$WORK"/out-* "$WORK"/times-* "$WORK"/scaling-*

for n in $SIZES; do
  catalogue="$WORK/catalogue-$n"
  [ -d "$catalogue" ] || python3 bench/generate.py "$n" "$catalogue"
  # The tools take turns, a round at a time, rather than each running all its runs in one go: on this
  # kind of machine the two virtual cores alternate between a fast and a slow state for seconds at a
  # time, and taking turns gives every tool the same share of both. Round 0 warms the caches up.
  rounds=$([ "$n" -ge 100000 ] && echo 3 || echo 7)
  for round in $(seq 0 "$rounds"); do
    echo "bench: $n services, round $round of $rounds"
    hyperfine --style none --runs 1 --export-json "$WORK/times-$n-$round.json" \
      --prepare "rm -rf $WORK/out-ours $WORK/out-hugo $WORK/.out-ours.onedoor-new $WORK/.out-ours.onedoor-old" \
      -n check "$ONEDOOR check $catalogue" \
      -n build "$ONEDOOR build $catalogue --output $WORK/out-ours" \
      -n hugo "hugo --quiet -s bench/hugo --contentDir $catalogue/services -d $WORK/out-hugo" \
      -n floor "find $catalogue -type f -print0 | xargs -0 cat > /dev/null"
  done
  rm -f "$WORK/times-$n-0.json"
  rm -rf "$WORK"/out-ours "$WORK"/out-hugo
  for tool in check build hugo; do
    case $tool in
      check) command=("$ONEDOOR" check "$catalogue") ;;
      build) command=("$ONEDOOR" build "$catalogue" --output "$WORK/out-ours") ;;
      hugo) command=(hugo --quiet -s bench/hugo --contentDir "$catalogue/services" -d "$WORK/out-hugo") ;;
    esac
    /usr/bin/time -v "${command[@]}" 2> "$WORK/memory-$tool-$n.txt" > /dev/null
  done
  du -sb "$WORK/out-ours" | cut -f1 > "$WORK/size-ours-$n.txt"
  du -sb "$WORK/out-hugo" | cut -f1 > "$WORK/size-hugo-$n.txt"
  du -sb "$WORK/out-ours/search" | cut -f1 > "$WORK/size-search-$n.txt"
  # The write floor: copying our output into a new folder of the same tmpfs, which costs what writing
  # that many files and bytes costs on this machine, whoever writes them.
  hyperfine --style none --runs 3 --export-json "$WORK/copy-$n.json" --prepare "rm -rf $WORK/out-copy" \
    -n copy "cp -r $WORK/out-ours $WORK/out-copy"
  rm -rf "$WORK/out-copy"
  if [ "$n" = 10000 ]; then
    python3 bench/search_bench.py "$WORK/out-ours" > "$WORK/search-$n.md"
    python3 bench/serve_bench.py "$ONEDOOR" "$catalogue" "$WORK/serve-$n.json"
    # The same catalogue with results: 8 periods x 4 priorities for every service (320,000 rows).
    measured="$WORK/measured-$n"
    rm -rf "$measured" && cp -r "$catalogue" "$measured" && python3 bench/generate.py --performance "$measured"
    # Taking turns, a round at a time, like the tools above: a ratio of two blocks of runs a minute
    # apart measures the machine's states as much as the catalogues. Round 0 warms the caches up.
    rm -f "$WORK"/measured-$n-*.json "$WORK"/bilingual-$n-*.json
    for round in $(seq 0 7); do
      hyperfine --style none --runs 1 --export-json "$WORK/measured-$n-$round.json" \
        --prepare "rm -rf $WORK/out-plain $WORK/out-measured" \
        -n check "$ONEDOOR check $catalogue" -n "check measured" "$ONEDOOR check $measured" \
        -n build "$ONEDOOR build $catalogue --output $WORK/out-plain" \
        -n "build measured" "$ONEDOOR build $measured --output $WORK/out-measured"
    done
    rm -f "$WORK/measured-$n-0.json"
    rm -rf "$measured" "$WORK/out-plain" "$WORK/out-measured"
    # The same catalogue in English and French: every service translated, the YAML files' names as maps.
    bilingual="$WORK/bilingual-$n"
    rm -rf "$bilingual" && cp -r "$catalogue" "$bilingual" && python3 bench/generate.py --bilingual "$bilingual"
    for round in $(seq 0 7); do
      hyperfine --style none --runs 1 --export-json "$WORK/bilingual-$n-$round.json" \
        --prepare "rm -rf $WORK/out-plain $WORK/out-bilingual" \
        -n build "$ONEDOOR build $catalogue --output $WORK/out-plain" \
        -n "build bilingual" "$ONEDOOR build $bilingual --output $WORK/out-bilingual"
    done
    rm -f "$WORK/bilingual-$n-0.json"
    rm -rf "$bilingual" "$WORK/out-plain" "$WORK/out-bilingual"
  fi
  rm -rf "$WORK"/out-*
done
# Scaling, measured in pairs: a round builds the 10,000 and the 100,000 catalogues one right after
# the other, so that both sizes meet the same state of the machine, which drifts over minutes (the
# rounds above measure each size minutes apart, after a different tool). Every other round starts
# with the larger size, so that neither size always follows the other's run.
if [[ " $SIZES " == *" 10000 "* && " $SIZES " == *" 100000 "* ]]; then
  for round in $(seq 0 6); do
    echo "bench: scaling, round $round of 6"
    sizes=$([ $((round % 2)) = 1 ] && echo "10000 100000" || echo "100000 10000")
    commands=()
    for size in $sizes; do
      commands+=(-n "check-$size" "$ONEDOOR check $WORK/catalogue-$size"
                 -n "build-$size" "$ONEDOOR build $WORK/catalogue-$size --output $WORK/out-ours")
    done
    hyperfine --style none --runs 1 --export-json "$WORK/scaling-$round.json" \
      --prepare "rm -rf $WORK/out-ours $WORK/.out-ours.onedoor-new $WORK/.out-ours.onedoor-old" "${commands[@]}"
  done
  rm -f "$WORK/scaling-0.json"
  rm -rf "$WORK"/out-*
fi
# Search quality: the query set over the Government of Canada's inventory, ours against Pagefind.
SHARED=${ONEDOOR_SHARED:-../shared}
if [ -x "$SHARED/tools/gc-convert" ] && [ -d "$SHARED/data/gc-service-inventory" ]; then
  echo "bench: search quality on the GC inventory"
  rm -rf "$WORK/gc" "$WORK/gc-site"
  "$SHARED/tools/gc-convert" "$SHARED/data/gc-service-inventory" "$WORK/gc" --bilingual > /dev/null
  "$ONEDOOR" build "$WORK/gc" --output "$WORK/gc-site" > /dev/null
  python3 bench/search/quality.py "$WORK/gc-site" bench/search/queries.tsv --misses > "$WORK/search-quality.md"
  python3 bench/search/quality.py "$WORK/gc-site" bench/search/plain-second.tsv --misses > "$WORK/search-quality-second.md"
  python3 bench/search_bench.py "$WORK/gc-site/en" --queries bench/search/queries.tsv > "$WORK/search-keystrokes-gc.md"
  # The same at a fast typist's pace, a keystroke every 100 ms.
  python3 bench/search_bench.py "$WORK/gc-site/en" --queries bench/search/queries.tsv 100 > "$WORK/search-keystrokes-gc-paced.md"
  rm -rf "$WORK/gc-site"
else
  echo "bench: no GC inventory at $SHARED: search quality not measured"
  rm -f "$WORK/search-quality.md" "$WORK/search-quality-second.md" "$WORK/search-keystrokes-gc.md" "$WORK/search-keystrokes-gc-paced.md"
fi
python3 bench/report.py "$WORK" $SIZES > bench/RESULTS.md
echo "Wrote bench/RESULTS.md"
