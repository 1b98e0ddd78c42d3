#!/usr/bin/env bash
# D22: every SSH target pins its host key (host_key: SHA256:<43 base64 characters>).
set -euo pipefail
root="${SPINE_ROOT:?SPINE_ROOT is not set}"
file="$root/ops/bindings/ssh.targets.yaml"
[ -f "$file" ] || { echo "D22 FAIL: $file missing"; exit 1; }
targets="$(grep -cE '^[[:space:]]+- id:' "$file" || true)"
pinned="$(grep -cE '^[[:space:]]+host_key:[[:space:]]*"?SHA256:[A-Za-z0-9+/]{43}"?' "$file" || true)"
if [ "$targets" -ne "$pinned" ]; then
  echo "D22 FAIL: $pinned of $targets SSH targets pin a host key"
  exit 1
fi
echo "D22 PASS: $pinned of $targets SSH targets pin a host key"
