#!/usr/bin/env bash
# Whole-process timings of the published spine CLI (Native AOT as shipped, against ReadyToRun and plain JIT builds),
# as a pre-commit hook or CI step runs it: `spine check` on both corpora (after one warm-up run, so the syntax cache
# (parse findings, modelled files' trees) is in place; and with --no-cache), `spine --version`, and the peak memory of each. Prints hyperfine's figures and a median table for docs/benchmarks.md.
#   bench/cli-startup.sh [RUNS]        (default 20 runs each)
#   SPINE_BENCH_VARIANTS="aot" bench/cli-startup.sh   (only some of: aot r2r jit)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-20}"
corpus="$(cd .. && pwd)/shared/corpus"

install=()
command -v hyperfine >/dev/null 2>&1 || install+=(hyperfine)
[ -x /usr/bin/time ] || install+=(time)
command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || install+=(clang)
if [ ${#install[@]} -gt 0 ]; then
  echo "cli-startup.sh: installing ${install[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq "${install[@]}" >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq "${install[@]}" >/dev/null; fi
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "publishing the CLI three ways (linux-x64): Native AOT (what ships), ReadyToRun (+ tiered PGO, framework-dependent), plain JIT …" >&2
dotnet publish src/Spine.Runtime -c Release -r linux-x64 -o "$out/aot" -nologo -v q -clp:ErrorsOnly >&2
variants="${SPINE_BENCH_VARIANTS:-aot r2r jit}"
if [[ " $variants " == *" r2r "* ]]; then
  dotnet publish src/Spine.Runtime -c Release -r linux-x64 --self-contained false -p:PublishAot=false -p:PublishReadyToRun=true \
    -p:TieredPGO=true -o "$out/r2r" -nologo -v q -clp:ErrorsOnly >&2
fi
if [[ " $variants " == *" jit "* ]]; then
  dotnet publish src/Spine.Runtime -c Release -r linux-x64 --self-contained false -p:PublishAot=false -o "$out/jit" -nologo -v q -clp:ErrorsOnly >&2
fi
export SPINE_CACHE_DIR="$out/cache"

names=("check 2026-02-17" "check 2026-02-25" "check --no-cache 2026-02-17" "check --no-cache 2026-02-25" "version")
argv=("check --root $corpus/spine-2026-02-17" "check --root $corpus/spine-2026-02-25"
      "check --no-cache --root $corpus/spine-2026-02-17" "check --no-cache --root $corpus/spine-2026-02-25" "--version")
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }

for variant in $variants; do
  spine="$out/$variant/spine"
  commands=()
  for i in "${!names[@]}"; do commands+=(-n "${names[$i]}" "$spine ${argv[$i]}"); done
  hyperfine -N --warmup 1 --runs "$runs" --ignore-failure --export-json "$out/$variant.json" "${commands[@]}" >&2
  for i in "${!names[@]}"; do
    # shellcheck disable=SC2086 # the arguments are split on purpose
    echo "$variant|${names[$i]}|$(peak "$spine" ${argv[$i]})" >> "$out/rss"
  done
done

echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, .NET SDK $(dotnet --version), linux-x64, $runs runs after 1 warm-up (median, peak RSS):"
python3 - "$out" "$variants" <<'PY'
import json, sys
out, chosen = sys.argv[1], sys.argv[2].split()
rss = {}
for line in open(f"{out}/rss"):
    variant, name, kb = line.strip().split("|")
    rss[(variant, name)] = int(kb) / 1024
variants = [(v, l) for v, l in [("aot", "Native AOT (shipped)"), ("r2r", "ReadyToRun + PGO"), ("jit", "JIT")] if v in chosen]
medians = {v: {r["command"]: r["median"] * 1000 for r in json.load(open(f"{out}/{v}.json"))["results"]} for v, _ in variants}
print("| command | " + " | ".join(label for _, label in variants) + " |")
print("|---|" + "---:|" * len(variants))
for name in medians[variants[0][0]]:
    cells = [f"{medians[v][name]:.1f} ms, {rss[(v, name)]:.0f} MB" for v, _ in variants]
    shown = "--version" if name == "version" else name
    print(f"| `spine {shown}` | " + " | ".join(cells) + " |")
# The issue's targets for the shipped build (time after a warm-up, and peak memory for 02-25), judged here so that a
# regression shows in the script's own output.
if "aot" in medians:
    targets = [("check 2026-02-17", 50, None), ("check 2026-02-25", 120, 100), ("version", 20, None)]
    print()
    for name, ms, mb in targets:
        took, peak = medians["aot"][name], rss[("aot", name)]
        ok = took <= ms and (mb is None or peak <= mb)
        limit = f"≤ {ms} ms" + (f", ≤ {mb} MB" if mb else "")
        print(f"target {name}: {took:.1f} ms, {peak:.0f} MB ({limit}) {'met' if ok else 'NOT MET'}")
PY
