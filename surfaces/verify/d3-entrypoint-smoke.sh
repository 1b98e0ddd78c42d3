#!/usr/bin/env bash
# D3: the operators' entry point bin/spine exists and is executable.
set -euo pipefail
root="${SPINE_ROOT:?SPINE_ROOT is not set}"
if [ -x "$root/bin/spine" ]; then
  echo "D3 PASS: bin/spine is executable"
else
  echo "D3 FAIL: $root/bin/spine is missing or not executable"
  exit 1
fi
