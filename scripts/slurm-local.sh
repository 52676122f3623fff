#!/usr/bin/env bash
# slurm-local.sh: a throwaway one-node SLURM cluster on localhost, for tests and CI.
#
# It lets the test suite (and CI's .ci/run) submit the job-array scripts that
# `partnersim emit slurm` writes to a real slurmctld/slurmd pair, on Debian's
# slurm-wlm packages. Everything (slurm.conf, munge key and socket, state, spool,
# logs, pid files) lives in one state directory; nothing is started through
# systemd or init scripts, and `stop` kills exactly the daemons `start` started.
#
#   scripts/slurm-local.sh install   # apt-get install slurmctld slurmd slurm-client munge (root)
#   scripts/slurm-local.sh start     # write the config, start munged, slurmctld, slurmd; wait for an idle node
#   scripts/slurm-local.sh status    # exit 0 and say so if the cluster answers, 1 if not
#   scripts/slurm-local.sh stop      # cancel jobs, stop the daemons by pid file (idempotent)
#   scripts/slurm-local.sh env       # print the `export SLURM_CONF=...` line
#
# State directory: $PARTNERSIM_SLURM_DIR, default /tmp/partnersim-slurm.
# Clients find the config through /etc/slurm/slurm.conf, which `start` makes a
# symlink to the state directory's slurm.conf (unless a real file is there), and
# through SLURM_CONF, which `start` prints and which works without the symlink.
set -euo pipefail

STATE=${PARTNERSIM_SLURM_DIR:-/tmp/partnersim-slurm}
CONF=$STATE/slurm.conf
ETC_CONF=/etc/slurm/slurm.conf
MUNGE_SOCKET=$STATE/munge/munge.socket.2
PACKAGES=(slurmctld slurmd slurm-client munge)
export SLURM_CONF=$CONF

log() { echo "slurm-local: $*"; }
die() { echo "slurm-local: error: $*" >&2; exit 1; }

# ---------------------------------------------------------------- install
# missing_packages: those of PACKAGES that dpkg does not have installed, on one line.
missing_packages() {
  local p out=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || out+=("$p")
  done
  echo "${out[*]}"
}

cmd_install() {
  if ! command -v apt-get >/dev/null || ! command -v dpkg-query >/dev/null; then
    die "no apt-get/dpkg here: install ${PACKAGES[*]} by hand"
  fi
  local missing
  missing=$(missing_packages)
  if [ -z "$missing" ]; then log "SLURM packages already installed"; return 0; fi
  [ "$(id -u)" = 0 ] || die "installing $missing needs root"
  APTLOG=$(mktemp)
  # The packages' maintainer scripts would start the system's munge (and try
  # slurmctld/slurmd); a policy-rc.d that exits 101 stops that. One already there is kept.
  POLICY_MADE=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && POLICY_MADE=1
  fi
  trap 'rm -f "$APTLOG"; if [ -n "$POLICY_MADE" ]; then rm -f /usr/sbin/policy-rc.d; fi' EXIT
  local aptlog=$APTLOG
  export DEBIAN_FRONTEND=noninteractive
  log "installing $missing"
  # `apt-get update` only when apt does not know the packages yet (a fresh machine).
  if ! apt-cache policy slurmctld 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    apt-get update -qq >"$aptlog" 2>&1 || { cat "$aptlog" >&2; die "apt-get update failed"; }
  fi
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >"$aptlog" 2>&1 \
    || { tail -n 30 "$aptlog" >&2; die "apt-get install failed"; }
  missing=$(missing_packages)
  [ -z "$missing" ] || die "packages still missing after install: $missing"
  log "installed"
}

# ---------------------------------------------------------------- processes
# pid_alive NAME: the pid in $STATE/NAME.pid runs a program whose name starts with NAME.
pid_alive() {
  local pidfile=$STATE/$1.pid pid comm
  [ -s "$pidfile" ] || return 1
  pid=$(cat "$pidfile" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 1
  [[ $comm == "$1"* ]]
}

any_alive() {
  local pid
  for pid in "$@"; do kill -0 "$pid" 2>/dev/null && return 0; done
  return 1
}

# stop_daemons NAME...: SIGTERM to all at once (each takes ~2 s to exit), wait
# up to 10 s, then SIGKILL whatever is left; removes the pid files.
stop_daemons() {
  local name pid i pids=() names=()
  for name in "$@"; do
    if pid_alive "$name"; then
      pid=$(cat "$STATE/$name.pid")
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid") names+=("$name")
    fi
  done
  for ((i = 0; i < 100; i++)); do
    any_alive "${pids[@]}" || break
    sleep 0.1
  done
  for i in "${!pids[@]}"; do
    if kill -0 "${pids[$i]}" 2>/dev/null; then
      log "${names[$i]} (${pids[$i]}) ignored SIGTERM for 10 s: SIGKILL"
      kill -KILL "${pids[$i]}" 2>/dev/null || true
    fi
    log "stopped ${names[$i]} (${pids[$i]})"
  done
  for name in "$@"; do rm -f "$STATE/$name.pid"; done
}

# node_state: the state sinfo gives our node (idle, mix, alloc, down*, ...), or nothing.
# (With slurmctld gone, sinfo would retry for ~9 s: the pid file answers first.)
node_state() {
  pid_alive slurmctld || return 0
  { timeout 5 sinfo -h -N -o '%t' 2>/dev/null || true; } | head -n 1
}

show_logs() {
  local f
  for f in "$STATE"/log/*.log; do
    [ -f "$f" ] || continue
    echo "----- tail of $f" >&2
    tail -n 20 "$f" >&2
  done
}

# ---------------------------------------------------------------- start
write_conf() {
  local host cpus mem_mb
  host=$(hostname -s)
  cpus=$(nproc)
  # 80% of MemTotal: slurmd drains a node that has less memory than RealMemory says.
  mem_mb=$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 * 0.8 }' /proc/meminfo)
  cat >"$CONF" <<EOF
# One-node test cluster written by scripts/slurm-local.sh; rewritten on every start.
ClusterName=partnersim
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$MUNGE_SOCKET
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
StateSaveLocation=$STATE/state
SlurmdSpoolDir=$STATE/spool
SlurmctldPidFile=$STATE/slurmctld.pid
SlurmdPidFile=$STATE/slurmd.pid
SlurmctldLogFile=$STATE/log/slurmctld.log
SlurmdLogFile=$STATE/log/slurmd.log
KillWait=5
SchedulerParameters=batch_sched_delay=0
MailProg=/bin/true
NodeName=$host NodeAddr=127.0.0.1 NodeHostname=$host CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES State=UP
EOF
}

start_munged() {
  mkdir -p "$STATE/munge"
  chmod 755 "$STATE/munge"
  if [ ! -s "$STATE/munge/munge.key" ]; then
    dd if=/dev/urandom of="$STATE/munge/munge.key" bs=1024 count=1 status=none
  fi
  chmod 400 "$STATE/munge/munge.key"
  # --force: start even over a stale socket left by a killed munged.
  munged --socket="$MUNGE_SOCKET" --key-file="$STATE/munge/munge.key" \
    --pid-file="$STATE/munged.pid" --log-file="$STATE/log/munged.log" \
    --seed-file="$STATE/munge/munged.seed" --force
}

start_failed() {
  show_logs
  cmd_stop >/dev/null
  die "$1 did not start; logs in $STATE/log"
}

cmd_start() {
  local c
  for c in munged slurmctld slurmd sinfo; do
    command -v "$c" >/dev/null || die "$c not found: run '$0 install' first"
  done
  if pid_alive slurmd && pid_alive munged && [[ $(node_state) =~ ^(idle|mix|alloc)$ ]]; then
    log "already up ($(node_state)) in $STATE"
    print_env
    return 0
  fi
  cmd_stop >/dev/null # whatever is left over from an earlier start
  mkdir -p "$STATE"/{state,spool,log}
  chmod 755 "$STATE"
  rm -f "$STATE"/log/*.log
  write_conf
  link_etc_conf
  start_munged || start_failed munged
  slurmctld -f "$CONF" -c -i || start_failed slurmctld
  slurmd -f "$CONF" || start_failed slurmd
  local i state='' cycles=0
  # Ready = the node is idle and the main scheduler has run once (slurmctld's
  # first pass comes ~3 s after it starts; a job submitted before waits for it).
  for ((i = 0; i < 150; i++)); do
    if ((i >= 10)) && ! { pid_alive munged && pid_alive slurmctld && pid_alive slurmd; }; then
      break # a daemon died (after 2 s of grace for its pid file)
    fi
    state=$(node_state)
    if [ "$state" = idle ]; then
      cycles=$(timeout 5 sdiag 2>/dev/null | awk '/^Main schedule/ { m = 1 } m && /Total cycles:/ { print $3; exit }') || true
      [ "${cycles:-0}" -ge 1 ] && break
    fi
    sleep 0.2
  done
  if [ "$state" != idle ] || [ "${cycles:-0}" -lt 1 ]; then
    show_logs
    cmd_stop >/dev/null
    die "the cluster was not ready (a daemon died, or 30 s passed; sinfo said the node is '${state:-no answer}'; scheduler cycles: ${cycles:-0}); stopped it, logs in $STATE/log"
  fi
  log "up: node $(hostname -s) idle, $(nproc) CPUs, state in $STATE"
  print_env
}

# /etc/slurm/slurm.conf is where every client (sbatch, squeue, ... also those
# called from inside jobs or from tests with a scrubbed environment) looks when
# SLURM_CONF is not set. Link it to ours, but never replace a real file.
link_etc_conf() {
  if [ -L "$ETC_CONF" ] || [ ! -e "$ETC_CONF" ]; then
    if mkdir -p "$(dirname "$ETC_CONF")" 2>/dev/null && ln -sfn "$CONF" "$ETC_CONF" 2>/dev/null; then
      return 0
    fi
  fi
  log "note: $ETC_CONF is not ours; clients need SLURM_CONF=$CONF"
}

print_env() {
  echo "export SLURM_CONF=$CONF"
}

# ---------------------------------------------------------------- stop / status
cmd_stop() {
  # Cancel jobs first, so that no slurmstepd or job process outlives the daemons.
  if pid_alive slurmctld; then
    local jobs i
    jobs=$(timeout 5 squeue -h -o '%F' 2>/dev/null | sort -u | xargs) || jobs=
    if [ -n "${jobs// /}" ]; then
      # shellcheck disable=SC2086
      timeout 5 scancel $jobs 2>/dev/null || true
      for ((i = 0; i < 50; i++)); do
        [ -z "$(timeout 5 squeue -h -t running,completing -o '%i' 2>/dev/null)" ] && break
        sleep 0.2
      done
      log "cancelled jobs: $jobs"
    fi
  fi
  stop_daemons slurmd slurmctld munged
  if [ -L "$ETC_CONF" ] && [ "$(readlink "$ETC_CONF")" = "$CONF" ]; then rm -f "$ETC_CONF"; fi
  log "stopped"
}

cmd_status() {
  local state
  state=$(node_state)
  if [[ $state =~ ^(idle|mix|alloc)$ ]] && pid_alive slurmd; then
    log "up: node $(hostname -s) is $state (SLURM_CONF=$CONF)"
    return 0
  fi
  log "down${state:+ (the node is $state)}"
  return 1
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  env) print_env ;;
  *) echo "usage: $0 install|start|stop|status|env" >&2; exit 2 ;;
esac
