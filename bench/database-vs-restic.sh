#!/usr/bin/env bash
# Database-volume benchmark: stowage-mover and restic 0.14 side by side on what PostgreSQL, MySQL or MongoDB keep
# on a volume: one large file of 8 KiB pages rewritten in place, plus WAL. Initial backup, unchanged re-backup,
# a day of change (PERCENT % of the pages rewritten at random places, WAL_MIB of new WAL), the incremental backup,
# and a restore, beside the write floor (`cp -a` of the volume onto the same kind of fresh target). Prints each tool's repository growth per changed byte (the incremental's real cost), beside the
# speed and memory table. Not a test.
#
#   bench/database-vs-restic.sh [--size-mib 1536] [--percent 1] [--wal-mib 16] [--work DIR] [--restore-on ext4|tmpfs]
set -euo pipefail

SIZE_MIB=1536 PERCENT=1 WAL_MIB=16 WORK=/tmp/stowage-database RESTORE_ON=ext4
while [[ $# -gt 0 ]]; do
  case "$1" in
    --size-mib) SIZE_MIB=$2; shift 2 ;;
    --percent) PERCENT=$2; shift 2 ;;
    --wal-mib) WAL_MIB=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --restore-on) RESTORE_ON=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
mkdir -p "$WORK"
RESULTS="$WORK/results.tsv"; : > "$RESULTS"
RESTORE_IMAGE_MIB=$((SIZE_MIB * 2 + 1024))
# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"
build_stowage
export STOWAGE_PASSWORD=bench-password RESTIC_PASSWORD=bench-password
echo "   $(restic version | head -1); cores: $(nproc)"

DATA="$WORK/volume" SREPO="$WORK/repo-s" RREPO="$WORK/repo-r"
rm -rf "$DATA" "$SREPO" "$RREPO"; mkdir -p "$DATA"
echo "== generating the database volume"
python3 "$HERE/generate-data.py" database "$DATA" "$SIZE_MIB" | sed 's/^/   /'
bytes=$(du -sb --apparent-size "$DATA" | cut -f1); files=$(find "$DATA" -type f | wc -l)

"$STOWAGE" init -r "$SREPO" >/dev/null
restic -r "$RREPO" init --repository-version 2 >/dev/null
both initial local "$bytes" "$files" "$SREPO" "$RREPO" -- backup -r "$SREPO" "$DATA" -- -r "$RREPO" backup --host bench "$DATA"
both unchanged local "$bytes" "$files" "$SREPO" "$RREPO" -- backup -r "$SREPO" "$DATA" -- -r "$RREPO" backup --host bench "$DATA"
s_before=$(du -sb "$SREPO" | cut -f1); r_before=$(du -sb "$RREPO" | cut -f1)

echo "== a day of change"
change=$(python3 "$HERE/generate-data.py" pages "$DATA" "$PERCENT" "$WAL_MIB")
echo "$change" | sed 's/^/   /'
changed=$(awk '/^changed-bytes/ {print $2}' <<< "$change")
both incremental local "$bytes" "$files" "$SREPO" "$RREPO" -- backup -r "$SREPO" "$DATA" -- -r "$RREPO" backup --host bench "$DATA"
s_after=$(du -sb "$SREPO" | cut -f1); r_after=$(du -sb "$RREPO" | cut -f1)

sout=$(restore_target s local); rout=$(restore_target r local)
both restore local "$bytes" "$files" "" "" -- restore latest -r "$SREPO" -t "$sout" -- -r "$RREPO" restore latest --target "$rout"
diff -rq "$DATA" "$sout/" >/dev/null && echo "   stowage restore is identical to the source" || echo "   WARNING: stowage restore differs"
write_floor local "$bytes" "$files"
release_restore_targets
"$STOWAGE" check -r "$SREPO" --read-data >/dev/null && echo "   stowage check --read-data passes"

echo
python3 "$HERE/report.py" "$RESULTS"
echo
python3 - "$changed" "$s_before" "$s_after" "$r_before" "$r_after" <<'PY'
import sys
changed, s0, s1, r0, r1 = map(int, sys.argv[1:])
print(f"changed by the day: {changed / 2**20:.1f} MiB")
for tool, grew in (("stowage", s1 - s0), ("restic", r1 - r0)):
    print(f"{tool:8} repository grew {grew / 2**20:8.1f} MiB = {grew / changed:5.1f}x the changed bytes")
print(f"stowage's growth is {(s1 - s0) / (r1 - r0):.2f}x restic's")
PY
rm -rf "$DATA" "$SREPO" "$RREPO" "$WORK"/restore-[src]-*
