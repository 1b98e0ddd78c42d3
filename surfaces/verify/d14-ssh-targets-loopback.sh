#!/usr/bin/env bash
# D14: every SSH target host in ssh.targets.yaml is a loopback address (127.0.0.0/8).
set -euo pipefail
root="${SPINE_ROOT:?SPINE_ROOT is not set}"
file="$root/ops/bindings/ssh.targets.yaml"
[ -f "$file" ] || { echo "D14 FAIL: $file missing"; exit 1; }
bad="$(grep -E '^[[:space:]]+host:' "$file" | sed -E 's/^[[:space:]]+host:[[:space:]]*"?([^"#[:space:]]*)"?.*/\1/' | grep -vE '^127\.[0-9]+\.[0-9]+\.[0-9]+$' || true)"
if [ -n "$bad" ]; then
  echo "D14 FAIL: non-loopback SSH hosts:"; echo "$bad" | sed 's/^/  /'
  exit 1
fi
echo "D14 PASS: all SSH targets are loopback"
