#!/usr/bin/env bash
# Scale benchmark: stowage-mover and restic 0.14 side by side on trees of 0-4 KiB files, half in directories of
# 10,000 files (wide), half in leaves of 50 files eight levels down (deep). At each scale: initial backup,
# unchanged re-backup, 1 % of files rewritten, restore, check; files/s and peak memory per case, so the growth
# from the smallest to the largest scale shows as a curve. Then, at the largest scale, a stowage backup and a
# restore inside a cgroup with a memory limit (as root), which must finish without being killed. Not a test.
#
#   bench/scale-vs-restic.sh [--scales "200000 1000000 2000000"] [--data DIR] [--work DIR] [--limit-mib 256] [--limit-only]
#
# --limit-only skips the side-by-side scales and runs only the memory-limited backup and restore at the largest scale.
#
# Trees are generated once per scale into --data (default /work/bench-data, outside the repository) and reused;
# the 1 % change rewrites files in place, so a tree drifts from run to run (both tools see the same tree).
set -euo pipefail

SCALES="200000 1000000 2000000" DATA_ROOT=/work/bench-data WORK=/tmp/stowage-scale LIMIT_MIB=256 LIMIT_ONLY=
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scales) SCALES=$2; shift 2 ;;
    --data) DATA_ROOT=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --limit-mib) LIMIT_MIB=$2; shift 2 ;;
    --limit-only) LIMIT_ONLY=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
mkdir -p "$WORK" "$DATA_ROOT"
RESULTS="$WORK/results.tsv"; : > "$RESULTS"
# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"
build_stowage
export STOWAGE_PASSWORD=bench-password RESTIC_PASSWORD=bench-password
echo "   $(restic version | head -1); cores: $(nproc)"

tree_of() { # FILES -> prints the tree's directory, generating it once
  local dir="$DATA_ROOT/tree-$1"
  if [[ ! -f "$DATA_ROOT/.tree-$1" ]]; then
    rm -rf "$dir"; mkdir -p "$dir"
    echo "== generating $1 files of 0-4 KiB (wide and deep)" >&2
    python3 "$HERE/generate-data.py" tree "$dir" "$1" >&2; touch "$DATA_ROOT/.tree-$1"
  fi
  echo "$dir"
}

label() { awk -v n="$1" 'BEGIN { if (n >= 1000000) printf "%gM", n / 1000000; else printf "%gk", n / 1000 }'; }

run_scale() { # FILES
  local files=$1 tree; tree=$(tree_of "$1")
  local target; target=$(label "$files")
  local bytes; bytes=$(du -sb --apparent-size "$tree" | cut -f1)
  local srepo="$WORK/repo-s" rrepo="$WORK/repo-r"
  rm -rf "$srepo" "$rrepo"
  echo "== $target: $files files, $(echo "$bytes/1048576" | bc) MiB"
  "$STOWAGE" init -r "$srepo" >/dev/null; restic -r "$rrepo" init --repository-version 2 >/dev/null
  both initial "$target" "$bytes" "$files" "$srepo" "$rrepo" -- backup -r "$srepo" "$tree" -- -r "$rrepo" backup --host bench "$tree"
  both unchanged "$target" "$bytes" "$files" "$srepo" "$rrepo" -- backup -r "$srepo" "$tree" -- -r "$rrepo" backup --host bench "$tree"
  python3 "$HERE/generate-data.py" touch "$tree" 1 | sed 's/^/   /'
  both changed-1% "$target" "$bytes" "$files" "$srepo" "$rrepo" -- backup -r "$srepo" "$tree" -- -r "$rrepo" backup --host bench "$tree"
  RESTORE_IMAGE_MIB=$((bytes / 1048576 * 3 + files / 64 + 1024)) RESTORE_INODES=$((files + files / 4 + 100000))
  local sout rout; sout=$(restore_target s "$target"); rout=$(restore_target r "$target")
  both restore "$target" "$bytes" "$files" "" "" -- restore latest -r "$srepo" -t "$sout" -- -r "$rrepo" restore latest --target "$rout"
  python3 "$HERE/compare-trees.py" "$tree" "$sout"
  release_restore_targets
  both check "$target" "$bytes" "$files" "" "" -- check -r "$srepo" -- -r "$rrepo" check
}

# Runs a command in a new memory cgroup limited to LIMIT_MIB (v2, else v1); prints whether it was OOM-killed.
in_memory_cgroup() { # NAME -- command...
  local name=$1; shift 2
  local v2=/sys/fs/cgroup/$name v1=/sys/fs/cgroup/memory/$name dir
  if [[ -f /sys/fs/cgroup/cgroup.controllers ]] && mkdir -p "$v2" 2>/dev/null && echo "${LIMIT_MIB}M" > "$v2/memory.max" 2>/dev/null; then
    dir=$v2; echo 0 > "$dir/memory.swap.max" 2>/dev/null || true
  elif mkdir -p "$v1" 2>/dev/null && echo "${LIMIT_MIB}M" > "$v1/memory.limit_in_bytes"; then
    dir=$v1
  else
    echo "   cannot create a memory cgroup here; the engine's --memory-budget ${LIMIT_MIB}M is used instead"
    "$@" --memory-budget "${LIMIT_MIB}M"; return
  fi
  local status=0
  sh -c 'echo $$ > "$1/cgroup.procs"; shift; exec "$@"' sh "$dir" "$@" || status=$?
  local killed; killed=$(grep -s oom_kill "$dir/memory.events" "$dir/memory.oom_control" | awk '{print $NF}' | tail -1)
  echo "   exit status $status, OOM kills ${killed:-0} (limit ${LIMIT_MIB} MiB, $(basename "$(dirname "$dir")") cgroup $name)"
  rmdir "$dir" 2>/dev/null || true
  return "$status"
}

[[ -n "$LIMIT_ONLY" ]] || for scale in $SCALES; do run_scale "$scale"; done

largest=${SCALES##* }
tree=$(tree_of "$largest"); bytes=$(du -sb --apparent-size "$tree" | cut -f1); target="$(label "$largest")-${LIMIT_MIB}M"
echo "== $target: stowage backup and restore of $largest files in a ${LIMIT_MIB} MiB cgroup"
rm -rf "$WORK/repo-limit"; "$STOWAGE" init -r "$WORK/repo-limit" >/dev/null
measure stowage initial "$target" "$bytes" "$largest" "$WORK/repo-limit" -- \
  bash -c "$(declare -f in_memory_cgroup); LIMIT_MIB=$LIMIT_MIB in_memory_cgroup stowage-backup -- $STOWAGE backup -r $WORK/repo-limit $tree"
grep -h "memory budget\|OOM\|cgroup" "$WORK/stowage-initial-$target.log" | sed 's/^/   /'
RESTORE_IMAGE_MIB=$((bytes / 1048576 * 3 + largest / 64 + 1024)) RESTORE_INODES=$((largest + largest / 4 + 100000))
out=$(restore_target s "$target")
measure stowage restore "$target" "$bytes" "$largest" "" -- \
  bash -c "$(declare -f in_memory_cgroup); LIMIT_MIB=$LIMIT_MIB in_memory_cgroup stowage-restore -- $STOWAGE restore latest -r $WORK/repo-limit -t $out"
grep -h "memory budget\|OOM\|cgroup" "$WORK/stowage-restore-$target.log" | sed 's/^/   /'
python3 "$HERE/compare-trees.py" "$tree" "$out"
release_restore_targets
rm -rf "$WORK/repo-s" "$WORK/repo-r" "$WORK/repo-limit"

echo
python3 "$HERE/report.py" "$RESULTS" --growth
