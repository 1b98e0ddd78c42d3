#!/usr/bin/env bash
# D1 (inline gate): only the allowed top-level folders exist in the spine root.
set -euo pipefail
root="${SPINE_ROOT:?SPINE_ROOT is not set}"
allowed=" bench bin docs ops src surfaces tests "
bad=0
for d in "$root"/*/; do
  name="$(basename "$d")"
  case "$allowed" in *" $name "*) ;; *) echo "D1 FAIL: unexpected top-level folder: $name"; bad=1 ;; esac
done
[ "$bad" -eq 0 ] && echo "D1 PASS"
exit "$bad"
