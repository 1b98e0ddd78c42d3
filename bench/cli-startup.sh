#!/usr/bin/env bash
# Whole-process timings of the published (Native AOT) spine CLI, as a pre-commit hook or CI step runs it: `spine check`
# on both corpora (after one warm-up run, so the syntax cache of unmodelled files is in place; and with --no-cache),
# `spine --version`, and the peak memory of each. Prints hyperfine's figures and a median table for docs/benchmarks.md.
#   bench/cli-startup.sh [RUNS]        (default 20 runs each)
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
echo "publishing the CLI (Native AOT, linux-x64) …" >&2
dotnet publish src/Spine.Runtime -c Release -r linux-x64 -o "$out/cli" -nologo -v q -clp:ErrorsOnly >&2
spine="$out/cli/spine"
export SPINE_CACHE_DIR="$out/cache"

json="$out/hyperfine.json"
hyperfine -N --warmup 1 --runs "$runs" --ignore-failure --export-json "$json" \
  -n "check 2026-02-17" "$spine check --root $corpus/spine-2026-02-17" \
  -n "check 2026-02-25" "$spine check --root $corpus/spine-2026-02-25" \
  -n "check --no-cache 2026-02-17" "$spine check --no-cache --root $corpus/spine-2026-02-17" \
  -n "check --no-cache 2026-02-25" "$spine check --no-cache --root $corpus/spine-2026-02-25" \
  -n "version" "$spine --version"

peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }
echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(dotnet --version), Native AOT linux-x64, $runs runs after 1 warm-up:"
echo "| command | median | mean ± σ | peak RSS |"
echo "|---|---:|---:|---:|"
python3 - "$json" "$spine" "$corpus" <<'PY'
import json, subprocess, sys
data = json.load(open(sys.argv[1]))
spine, corpus = sys.argv[2], sys.argv[3]
args = {
    "check 2026-02-17": ["check", "--root", f"{corpus}/spine-2026-02-17"],
    "check 2026-02-25": ["check", "--root", f"{corpus}/spine-2026-02-25"],
    "check --no-cache 2026-02-17": ["check", "--no-cache", "--root", f"{corpus}/spine-2026-02-17"],
    "check --no-cache 2026-02-25": ["check", "--no-cache", "--root", f"{corpus}/spine-2026-02-25"],
    "version": ["--version"],
}
for r in data["results"]:
    rss = subprocess.run(["/usr/bin/time", "-f", "%M", spine] + args[r["command"]], capture_output=True, text=True).stderr.strip().splitlines()[-1]
    name = "--version" if r["command"] == "version" else r["command"]
    print(f"| `spine {name}` | {r['median']*1000:.1f} ms | {r['mean']*1000:.1f} ± {r['stddev']*1000:.1f} ms | {int(rss)/1024:.0f} MB |")
PY
