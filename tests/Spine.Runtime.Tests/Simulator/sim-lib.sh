#!/usr/bin/env bash
# Shared state handling of the Proxmox simulator (qm, pct). State lives in $SIM_STATE:
#   vm/<id>              "<name> <status>"      ct/<id>  likewise
#   vm/<id>.ignore-shutdown   graceful shutdown never completes (the guest ignores ACPI)
#   vm/<id>.ha                HA-managed: shutdown is only requested; the guest stops $SIM_HA_DELAY s later
#   drop-on-shutdown-<id>     the SSH session is killed when `qm shutdown <id>` arrives (once)
#   die-on-shutdown-<id>      the whole host dies when `qm shutdown <id>` arrives (sshd gone, connections refused)
#   fail-qm-list, fail-pct-list    the list command fails (exit 255, an error on stderr), as on a broken host
#   poweroff-ignored          poweroff answers but the host never goes down
#   empty-qm-list             qm list prints its header and no guest (exit 0)
#   log                       one line per command: "<seq> <host> ro|rw <command…>"
# The status of a guest is whatever its file says: a test may write one Proxmox does not have ("Running").
set -u
: "${SIM_STATE:?SIM_STATE is not set}"
SIM_HOST="${SIM_HOST:-pve}"

sim_log() { # ro|rw words…
  local kind="$1"; shift
  ( flock 9; n=$(( $(wc -l < "$SIM_STATE/log" 2>/dev/null || echo 0) + 1 )); echo "$n $SIM_HOST $kind $*" >> "$SIM_STATE/log" ) 9>"$SIM_STATE/.lock"
}

sim_flag() { [ -f "$SIM_STATE/$1" ]; }

sim_file() { echo "$SIM_STATE/$1/$2"; }

sim_exists() { [ -f "$(sim_file "$1" "$2")" ]; }

sim_name() { cut -d' ' -f1 < "$(sim_file "$1" "$2")"; }

sim_status() { # kind id → prints the status, finishing a pending HA stop when due
  local f; f="$(sim_file "$1" "$2")"
  if [ -f "$f.stop-at" ] && [ "$(date +%s%N)" -ge "$(cat "$f.stop-at")" ]; then
    sim_set "$1" "$2" stopped; rm -f "$f.stop-at"
  fi
  cut -d' ' -f2 < "$f"
}

sim_set() { local f; f="$(sim_file "$1" "$2")"; echo "$(sim_name "$1" "$2") $3" > "$f"; }

sim_ids() { ls "$SIM_STATE/$1" 2>/dev/null | grep -E '^[0-9]+$' | sort -n; }

sim_missing() { # tool kind id
  if [ "$2" = vm ]; then echo "Configuration file 'nodes/$SIM_HOST/qemu-server/$3.conf' does not exist" >&2
  else echo "Configuration file 'nodes/$SIM_HOST/lxc/$3.conf' does not exist" >&2; fi
  exit 2
}

sim_drop_if_flagged() { # id
  local die="$SIM_STATE/die-on-shutdown-$1"
  if [ -f "$die" ]; then
    # The whole host goes away (sshd and every session): new connections are refused from now on.
    rm -f "$die"; touch "$SIM_STATE/powered-off"
    local master kids; master="$(cat "$SIM_STATE/../sshd.pid")"; kids="$(pgrep -P "$master" | tr '\n' ' ')"
    kill -KILL "$master" $kids
    sleep 5
    exit 255
  fi
  local flag="$SIM_STATE/drop-on-shutdown-$1"
  if [ -f "$flag" ]; then
    rm -f "$flag"
    # Kill the sshd process that carries this user's connection ("sshd: root@notty"): the client
    # sees the TCP connection drop mid-command, as when a host or link goes away.
    local pid=$$
    while [ "$pid" -gt 1 ]; do
      pid="$(ps -o ppid= -p "$pid" | tr -d ' ')"
      case "$(ps -o args= -p "$pid")" in *sshd:*@*) kill -9 "$pid"; break ;; esac
    done
    sleep 5
    exit 255
  fi
}
