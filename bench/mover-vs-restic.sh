#!/usr/bin/env bash
# Side-by-side benchmark of stowage-mover and restic 0.14 (repository version 2, zstd) on the same data
# and the same kind of target. Not a test: it prints figures.
#
#   bench/mover-vs-restic.sh [--size-mib N] [--small-files N] [--many-files N] [--work DIR] [--repeat N] [--s3]
#
# With --s3, "server cpu" is what radosgw and its Ceph daemons used during the run: on this machine they share the
# client's cores, so it bounds how fast either tool can go.
#
# Restores go into a freshly made ext4 file system per run when the script runs as root (see restore_target).
#
# Every case runs --repeat times (default 2), alternating which tool goes first; the table keeps each tool's
# fastest run, since other work on a shared machine slows runs at random, and each tool's highest peak memory of the
# rounds (bench/report.py). CPU seconds (user+sys) are printed too.
#
# --s3 also runs both tools against a local Ceph RADOS Gateway (started with bench/S3Server, which uses the
# tests/Stowage.Testing.S3 fixture; radosgw must be installed, see tests/Stowage.Testing.S3/install-s3-server.sh).
set -euo pipefail

SIZE_MIB=1024 SMALL_FILES=20000 MANY_FILES=200000 WORK=/tmp/stowage-bench USE_S3=0 REPEAT=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    --size-mib) SIZE_MIB=$2; shift 2 ;;
    --small-files) SMALL_FILES=$2; shift 2 ;;
    --many-files) MANY_FILES=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --s3) USE_S3=1; shift ;;
    --repeat) REPEAT=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
command -v restic >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq restic >/dev/null; }
command -v curl >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null; }
[[ -x /usr/bin/time ]] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }

command -v gcc >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc >/dev/null; }
echo "== building stowage-mover (Release, native AOT as shipped; linked with gcc)"
rm -rf "$WORK/bin"
dotnet publish "$ROOT/services/mover/Stowage.Mover.Cli" -c Release -r linux-x64 -p:CppCompilerAndLinker=gcc -o "$WORK/bin" --nologo -v q >/dev/null
STOWAGE="$WORK/bin/stowage-mover"
export STOWAGE_PASSWORD=bench-password RESTIC_PASSWORD=bench-password
echo "   $(restic version | head -1); cores: $(nproc)"

DATA="$WORK/data" MANY="$WORK/many"
if [[ ! -f "$WORK/.data-$SIZE_MIB-$SMALL_FILES" ]]; then
  rm -rf "$DATA" "$WORK"/.data-*; mkdir -p "$DATA"
  echo "== generating ${SIZE_MIB} MiB with ${SMALL_FILES} small files"
  python3 "$HERE/generate-data.py" mixed "$DATA" "$SIZE_MIB" "$SMALL_FILES"
  touch "$WORK/.data-$SIZE_MIB-$SMALL_FILES"
fi
RESULTS="$WORK/results.tsv"; : > "$RESULTS"

# CPU seconds used so far by the S3 server's processes (radosgw and its Ceph daemons share this machine's cores).
server_cpu() {
  local ticks=0 pid
  for pid in $(pgrep -f 'radosgw|ceph-osd|ceph-mon' || true); do
    ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$ticks / $(getconf CLK_TCK)" | bc -l
}

# measure TOOL CASE TARGET BYTES FILES REPO_DIR_OR_EMPTY -- command...
measure() {
  local tool=$1 case=$2 target=$3 bytes=$4 files=$5 repo=$6; shift 7
  local out="$WORK/time.out"
  sync; sleep 1  # let the file system settle (the disk here is mounted with discard)
  local server_before; server_before=$(server_cpu)
  /usr/bin/time -f "%e %M %U %S" -o "$out" "$@" >"$WORK/$tool-$case-$target.log" 2>&1 || { echo "FAILED: $tool $case ($target)"; tail -5 "$WORK/$tool-$case-$target.log"; exit 1; }
  local server; server=$(printf '%.2f' "$(echo "$(server_cpu) - $server_before" | bc -l)")
  read -r wall rss user sys < "$out"
  local size=0
  [[ -n "$repo" && -d "$repo" ]] && size=$(du -sb "$repo" | cut -f1)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$case" "$tool" "$wall" "$rss" "$bytes" "$files" "$size" "$(echo "$user+$sys" | bc)" "$server" >> "$RESULTS"
  printf '   %-6s %-11s %-8s %7.2f s wall %6.2f s cpu %7.1f MiB peak %6.2f s server cpu\n' "$target" "$case" "$tool" "$wall" "$(echo "$user+$sys" | bc)" "$(echo "$rss/1024" | bc -l)" "$server"
}

# both CASE TARGET BYTES FILES SREPO_DIR RREPO_DIR -- stowage args -- restic args; alternates which tool goes first.
both() {
  local case=$1 target=$2 bytes=$3 files=$4 sdir=$5 rdir=$6; shift 7
  local sargs=() rargs=()
  while [[ $1 != -- ]]; do sargs+=("$1"); shift; done; shift; rargs=("$@")
  if (( ORDER % 2 == 0 )); then
    measure stowage "$case" "$target" "$bytes" "$files" "$sdir" -- "$STOWAGE" "${sargs[@]}"
    measure restic "$case" "$target" "$bytes" "$files" "$rdir" -- restic "${rargs[@]}"
  else
    measure restic "$case" "$target" "$bytes" "$files" "$rdir" -- restic "${rargs[@]}"
    measure stowage "$case" "$target" "$bytes" "$files" "$sdir" -- "$STOWAGE" "${sargs[@]}"
  fi
  ORDER=$((ORDER + 1))
}
ORDER=0

run_suite() { # TARGET STOWAGE_REPO RESTIC_REPO SDIR RDIR (dirs empty for S3)
  local target=$1 srepo=$2 rrepo=$3 sdir=$4 rdir=$5
  local bytes files; bytes=$(du -sb --apparent-size "$DATA" | cut -f1); files=$(find "$DATA" -type f | wc -l)
  echo "== $target: $(echo "$bytes/1048576" | bc) MiB, $files files"
  "$STOWAGE" init -r "$srepo" >/dev/null
  restic -r "$rrepo" init --repository-version 2 >/dev/null
  both initial "$target" "$bytes" "$files" "$sdir" "$rdir" -- backup -r "$srepo" "$DATA" -- -r "$rrepo" backup --host bench "$DATA"
  both unchanged "$target" "$bytes" "$files" "$sdir" "$rdir" -- backup -r "$srepo" "$DATA" -- -r "$rrepo" backup --host bench "$DATA"
  python3 "$HERE/generate-data.py" change "$DATA" 5 | sed 's/^/   /'
  both changed-5% "$target" "$bytes" "$files" "$sdir" "$rdir" -- backup -r "$srepo" "$DATA" -- -r "$rrepo" backup --host bench "$DATA"
  local sout rout; sout=$(restore_target s "$target"); rout=$(restore_target r "$target")
  both restore "$target" "$bytes" "$files" "" "" -- restore latest -r "$srepo" -t "$sout" -- -r "$rrepo" restore latest --target "$rout"
  diff -rq "$DATA" "$sout/" >/dev/null && echo "   stowage restore is identical to the source" || echo "   WARNING: stowage restore differs"
  release_restore_targets
}

# Each restore goes into a freshly made, journaled ext4 (a loop-mounted sparse image) when the bench runs as root.
# This machine's disk is ext4 without a journal, where ext4 skips inodes deleted in the last minutes and reads
# each one to decide so: after earlier runs' deletions, creating 20,000 files cost either tool 1-4 s of extra
# kernel time at random (perf: up to 60 % of a restore in recently_deleted()). Otherwise: fresh directory names.
restore_target() { # TOOL TARGET -> prints the directory to restore into
  local dir="$WORK/restore-$1-$2-$ORDER"
  if [[ $(id -u) == 0 ]] && command -v mkfs.ext4 >/dev/null; then
    local image="$WORK/restore-$1.img" mnt="$WORK/restore-$1.mnt"
    rm -f "$image"; truncate -s "$((SIZE_MIB * 4 + 1024))M" "$image"; mkdir -p "$mnt"
    if mkfs.ext4 -q -F -E lazy_itable_init=0,lazy_journal_init=0 "$image" && mount -o loop "$image" "$mnt" 2>/dev/null; then
      echo "$mnt/out"; return
    fi
    rm -f "$image"
  fi
  echo "$dir"
}

release_restore_targets() {
  local tool
  for tool in s r; do
    if mountpoint -q "$WORK/restore-$tool.mnt"; then umount "$WORK/restore-$tool.mnt"; rm -f "$WORK/restore-$tool.img"; fi
  done
}

run_many() { # TARGET STOWAGE_REPO RESTIC_REPO SDIR RDIR
  local target=$1
  if [[ ! -f "$WORK/.many-$MANY_FILES" ]]; then
    rm -rf "$MANY" "$WORK"/.many-*; mkdir -p "$MANY"
    echo "== generating $MANY_FILES files of 1-4 KiB"
    python3 "$HERE/generate-data.py" small "$MANY" "$MANY_FILES"; touch "$WORK/.many-$MANY_FILES"
  fi
  local bytes; bytes=$(du -sb --apparent-size "$MANY" | cut -f1)
  "$STOWAGE" init -r "$2" >/dev/null; restic -r "$3" init --repository-version 2 >/dev/null
  both many-small "$target" "$bytes" "$MANY_FILES" "$4" "$5" -- backup -r "$2" "$MANY" -- -r "$3" backup --host bench "$MANY"
}

# Bytes of every object under BUCKET/PREFIX/ on the test server, listed with curl's SigV4 signing (one page: a
# 1 GiB repository has about a hundred objects).
bucket_bytes() {
  curl -sf -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" --aws-sigv4 "aws:amz:us-east-1:s3" \
    --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" "$S3_ENDPOINT/$1/?list-type=2&prefix=$2%2F" |
    python3 -c 'import re, sys; x = sys.stdin.read(); assert "<IsTruncated>false" in x, "more than one page"; print(sum(map(int, re.findall(r"<Size>(\d+)</Size>", x))))'
}

for rep in $(seq 1 "$REPEAT"); do
  echo "== round $rep of $REPEAT"
  rm -rf "$WORK/repo-s" "$WORK/repo-r" "$WORK/many-s" "$WORK/many-r"
  run_suite local "$WORK/repo-s" "$WORK/repo-r" "$WORK/repo-s" "$WORK/repo-r"
  run_many local "$WORK/many-s" "$WORK/many-r" "$WORK/many-s" "$WORK/many-r"
done
rm -rf "$WORK/repo-s" "$WORK/repo-r" "$WORK/many-s" "$WORK/many-r"

if [[ $USE_S3 == 1 ]]; then
  echo "== starting the S3 test server (radosgw)"
  dotnet build "$HERE/S3Server" -c Release -o "$WORK/s3server" --nologo -v q >/dev/null
  coproc S3 { exec dotnet "$WORK/s3server/S3Server.dll" 2>&1; }
  while read -r line <&"${S3[0]}"; do
    case "$line" in
      S3_ENDPOINT=*|AWS_ACCESS_KEY_ID=*|AWS_SECRET_ACCESS_KEY=*) export "${line?}" ;;
      S3_BUCKETS_READY) break ;;
    esac
  done
  for rep in $(seq 1 "$REPEAT"); do
    echo "== round $rep of $REPEAT (S3 at $S3_ENDPOINT)"
    run_suite s3 "s3:$S3_ENDPOINT/bench-stowage/repo$rep" "s3:$S3_ENDPOINT/bench-restic/repo$rep" "" ""
    run_many s3 "s3:$S3_ENDPOINT/bench-stowage/many$rep" "s3:$S3_ENDPOINT/bench-restic/many$rep" "" ""
  done
  # Every repository's random chunker parameters move its size by about 1 %, so the rounds' repositories are averaged.
  s_bytes=0 r_bytes=0
  for rep in $(seq 1 "$REPEAT"); do
    s_bytes=$((s_bytes + $(bucket_bytes bench-stowage "repo$rep"))); r_bytes=$((r_bytes + $(bucket_bytes bench-restic "repo$rep")))
  done
  printf '   bucket bytes, mean of %d repositories: stowage %.1f MiB, restic %.1f MiB\n' "$REPEAT" \
    "$(echo "$s_bytes / $REPEAT / 1048576" | bc -l)" "$(echo "$r_bytes / $REPEAT / 1048576" | bc -l)"
  exec {S3[1]}>&-
  wait "$S3_PID" 2>/dev/null || true
else
  echo "== S3 target skipped (pass --s3 to run it against the local radosgw)"
fi

rm -rf "$WORK"/restore-[sr]-*
echo
python3 "$HERE/report.py" "$RESULTS"
