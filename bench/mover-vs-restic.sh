#!/usr/bin/env bash
# Side-by-side benchmark of stowage-mover and restic 0.14 (repository version 2, zstd) on the same data
# and the same kind of target. Not a test: it prints figures.
#
#   bench/mover-vs-restic.sh [--size-mib N] [--small-files N] [--many-files N] [--work DIR] [--repeat N] [--s3]
#                         [--restore-on ext4|tmpfs]
#
# With --s3, "server cpu" is what radosgw and its Ceph daemons used during the run: on this machine they share the
# client's cores, so it bounds how fast either tool can go.
#
# Restores go into a freshly made ext4 file system per run when the script runs as root (see restore_target), or
# with --restore-on tmpfs into a fresh tmpfs. Each restore is followed by the write floor: `cp -a` of the same data
# onto the same kind of fresh target.
#
# Every case runs --repeat times (default 2), alternating which tool goes first; the table keeps each tool's
# fastest run, since other work on a shared machine slows runs at random, and each tool's highest peak memory of the
# rounds (bench/report.py). CPU seconds (user+sys) are printed too.
#
# --s3 also runs both tools against a local Ceph RADOS Gateway (started with bench/S3Server, which uses the
# tests/Stowage.Testing.S3 fixture; radosgw must be installed, see tests/Stowage.Testing.S3/install-s3-server.sh).
set -euo pipefail

SIZE_MIB=1024 SMALL_FILES=20000 MANY_FILES=200000 WORK=/tmp/stowage-bench USE_S3=0 REPEAT=2 RESTORE_ON=ext4
while [[ $# -gt 0 ]]; do
  case "$1" in
    --size-mib) SIZE_MIB=$2; shift 2 ;;
    --small-files) SMALL_FILES=$2; shift 2 ;;
    --many-files) MANY_FILES=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --s3) USE_S3=1; shift ;;
    --repeat) REPEAT=$2; shift 2 ;;
    --restore-on) RESTORE_ON=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
# shellcheck source=bench/lib.sh
source "$HERE/lib.sh"
build_stowage
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
RESTORE_IMAGE_MIB=$((SIZE_MIB * 4 + 1024))


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
  write_floor "$target" "$bytes" "$files"
  release_restore_targets
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

rm -rf "$WORK"/restore-[src]-*
echo
python3 "$HERE/report.py" "$RESULTS"
