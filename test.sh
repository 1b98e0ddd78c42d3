#!/usr/bin/env bash
# The test command (README "Tests"): installs what the tests need on a fresh Debian machine that has only the .NET SDK,
# then runs every test project. A test whose tool is missing fails; none skips.
#   openssh-server  the runtime's SSH tests start Debian's sshd on loopback (ssh-keygen comes with it)
#   procps          the Proxmox simulator uses ps/pgrep to drop a connection or kill a host on purpose
#   jq, yq          the gate-parity tests run the spine's own gate scripts through a Go-yq front (tests/Spine.TestSupport/yq-front)
#   chromium        `spine report --html` is rendered in headless Chromium
#   nodejs, npm     the editor test runs yaml-language-server (installed under .tools/, not globally)
#   clang, zlib1g-dev  the CLI tests run the Native AOT build of spine, which links with them (gcc serves too)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

need() { # package command-or-path
  if [[ "$2" == /* ]]; then [ -e "$2" ] || missing+=("$1"); else command -v "$2" >/dev/null 2>&1 || missing+=("$1"); fi
}
missing=()
need openssh-server /usr/sbin/sshd
need procps pgrep
need jq /usr/bin/jq
need yq /usr/bin/yq
need chromium /usr/bin/chromium
need nodejs node
need npm npm
command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || missing+=(clang)
need zlib1g-dev /usr/include/zlib.h
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  sudo_ apt-get update -qq
  sudo_ apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# yaml-language-server for the editor test, pinned, local to the checkout.
if [ ! -x .tools/node_modules/.bin/yaml-language-server ]; then
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --silent yaml-language-server@2.0.0 >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# -v q keeps the build quiet; the console logger still prints each failed test with its message and stack.
dotnet test Spine.sln --nologo -v q --logger "console;verbosity=minimal" "$@"
