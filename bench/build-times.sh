#!/usr/bin/env bash
# How much the drift gate costs a developer's build: a plain console project against the same project with the one
# Spine.Build package and ops/ copied from a real spine (default ../shared/corpus/spine-2026-02-25), under
# SPINE_POLICY_PRESET=permissive, with the SDK's defaults (compiler server and MSBuild node reuse on, as on a
# developer's machine). Each build kind runs RUNS times (default 5) after a warm-up; prints medians and ratios.
#   bench/build-times.sh [RUNS] [SPINE_SNAPSHOT_DIR]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo="$(pwd)"
runs="${1:-5}"
snapshot="${2:-$(cd .. && pwd)/shared/corpus/spine-2026-02-25}"
work="$(mktemp -d)"
trap 'dotnet build-server shutdown >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
unset MSBUILDDISABLENODEREUSE UseSharedCompilation DOTNET_CLI_USE_MSBUILD_SERVER
export SPINE_POLICY_PRESET=permissive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "packing Spine.Build …" >&2
dotnet build src/Spine.Build -c Release -nologo -v q -clp:ErrorsOnly >&2
dotnet pack src/Spine.Build -c Release --no-build -o "$work/feed" -nologo -v q >&2

make_project() { # name with-spine
  local dir="$work/$1"
  mkdir -p "$dir"
  local ref="" props=""
  if [ "$2" = yes ]; then
    ref='<ItemGroup><PackageReference Include="Spine.Build" Version="1.0.0" /></ItemGroup>'
    props="<SpineRoot>$dir</SpineRoot>"
    cp -r "$snapshot/ops" "$dir/ops"
    chmod -R u+w "$dir/ops"
  fi
  cat > "$dir/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable>$props</PropertyGroup>
  $ref
</Project>
XML
  printf 'System.Console.WriteLine(1);\n' > "$dir/Program.cs"
  cat > "$dir/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /><add key="local" value="$work/feed" /></packageSources></configuration>
XML
  dotnet restore "$dir" --packages "$work/packages" -nologo -v q >&2
}
make_project plain no
make_project spine yes

build() { # dir → milliseconds
  local start end
  start=$(date +%s%N)
  dotnet build "$1" --no-restore -nologo -v q -clp:ErrorsOnly >/dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

# Interleaved (plain, then spine, for each build kind in every round), so that a machine that slows down or speeds up
# during the run moves both sides alike and the ratios stay honest.
for project in plain spine; do
  build "$work/$project" >/dev/null; build "$work/$project" >/dev/null   # warm-up: first build, then the servers are up
done
declare -A runs_of
for i in $(seq "$runs"); do
  runs_of[plain.noop]+="$(build "$work/plain") "
  runs_of[spine.noop]+="$(build "$work/spine") "
  printf '// edit %s\n' "$i" >> "$work/plain/Program.cs"
  runs_of[plain.cs]+="$(build "$work/plain") "
  printf '// edit %s\n' "$i" >> "$work/spine/Program.cs"
  runs_of[spine.cs]+="$(build "$work/spine") "
  printf '\n# edit %s\n' "$i" >> "$work/spine/ops/bindings/gate.registry.yaml"
  runs_of[spine.yaml]+="$(build "$work/spine") "
done
declare -A result
for key in "${!runs_of[@]}"; do
  result[$key]=$(printf '%s\n' ${runs_of[$key]} | median)
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f×", a / b }'; }
# The issue's targets, judged here so that a regression shows in the script's own output.
verdict() { awk -v a="$1" -v b="$2" -v t="$3" 'BEGIN { printf "≤ %.2f× %s", t, (a / b <= t ? "met" : "NOT MET") }'; }
echo
echo "$(date -u +%Y-%m-%d), $(nproc) cores, .NET SDK $(dotnet --version), snapshot $(basename "$snapshot") ($(find "$snapshot/ops" -name '*.yaml' | wc -l) files), medians of $runs:"
echo "| build | plain console | with the spine | ratio | target |"
echo "|---|---:|---:|---:|---|"
echo "| no-op | ${result[plain.noop]} ms | ${result[spine.noop]} ms | $(ratio "${result[spine.noop]}" "${result[plain.noop]}") | $(verdict "${result[spine.noop]}" "${result[plain.noop]}" 1.10) |"
echo "| one .cs line changed | ${result[plain.cs]} ms | ${result[spine.cs]} ms | $(ratio "${result[spine.cs]}" "${result[plain.cs]}") | $(verdict "${result[spine.cs]}" "${result[plain.cs]}" 1.25) |"
echo "| one YAML file changed (vs the plain .cs edit) | ${result[plain.cs]} ms | ${result[spine.yaml]} ms | $(ratio "${result[spine.yaml]}" "${result[plain.cs]}") | $(verdict "${result[spine.yaml]}" "${result[plain.cs]}" 2.00) |"

# Where the time goes (docs/benchmarks.md): one more build of each kind with the analyzer report (the compiler's own
# per-analyzer and per-generator times) and MSBuild's performance summary (the Spine targets and tasks).
breakdown() { # label
  local log="$work/breakdown.log"
  dotnet build "$work/spine" --no-restore -nologo -v d -clp:PerformanceSummary -p:ReportAnalyzer=true > "$log" 2>&1 || true
  echo
  echo "$1:"
  grep -E 'Total (analyzer|generator) execution time' "$log" | sed 's/^ */  /' | sort -u || true
  grep -E '^\s+[0-9.<]+ +[0-9<]+ +Spine\.Generators\.(SpineAnalyzer|SpineGenerator)' "$log" | sed 's/^ */  analyzer: /; s/ (SPINE.*//' | sort -u || true
  # MSBuild prints a target summary, then a task summary: take each line from its own section.
  summary() { awk -v start="$1" '/Performance Summary:/ { on = index($0, start) > 0 } on' "$log"; }
  summary "Target Performance Summary" | grep -E '^\s+[0-9]+ ms +(_?Spine[A-Za-z]*|CoreCompile) +[0-9]+ calls' | sed 's/^ */  target: /' || true
  summary "Task Performance Summary" | grep -E '^\s+[0-9]+ ms +(Spine[A-Za-z]*|Csc) +[0-9]+ calls' | sed 's/^ */  task: /' || true
}
printf '// breakdown\n' >> "$work/spine/Program.cs"
breakdown "one .cs line changed"
printf '\n# breakdown\n' >> "$work/spine/ops/bindings/gate.registry.yaml"
breakdown "one YAML file changed"
breakdown "no-op"
