# Helpers shared by the side-by-side benchmarks (sourced, not run). The caller sets HERE, ROOT, WORK and RESULTS,
# DATA (the source tree, which write_floor copies), and RESTORE_IMAGE_MIB (size of each restore's ext4 image) with,
# optionally, RESTORE_INODES and RESTORE_ON (ext4, the default, or tmpfs).
command -v restic >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq restic >/dev/null; }
command -v curl >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null; }
[[ -x /usr/bin/time ]] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }

command -v gcc >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc >/dev/null; }
build_stowage() {
  echo "== building stowage-mover (Release, native AOT as shipped; linked with gcc)"
  rm -rf "$WORK/bin"
  dotnet publish "$ROOT/services/mover/Stowage.Mover.Cli" -c Release -r linux-x64 -p:CppCompilerAndLinker=gcc -o "$WORK/bin" --nologo -v q >/dev/null
  STOWAGE="$WORK/bin/stowage-mover"
}

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

# Each restore goes into a freshly made, journaled ext4 (a loop-mounted sparse image) when the bench runs as root.
# This machine's disk is ext4 without a journal, where ext4 skips inodes deleted in the last minutes and reads
# each one to decide so: after earlier runs' deletions, creating 20,000 files cost either tool 1-4 s of extra
# kernel time at random (perf: up to 60 % of a restore in recently_deleted()). Otherwise: fresh directory names.
# With RESTORE_ON=tmpfs each restore goes into a fresh tmpfs instead, to show the tools' speed when no device
# limits the writes.
restore_target() { # TOOL TARGET -> prints the directory to restore into
  local dir="$WORK/restore-$1-$2-$ORDER"
  if [[ ${RESTORE_ON:-ext4} == tmpfs ]]; then
    local mnt="$WORK/restore-$1.mnt"; mkdir -p "$mnt"
    if [[ $(id -u) == 0 ]] && mount -t tmpfs -o "size=$((RESTORE_IMAGE_MIB))M" tmpfs "$mnt"; then echo "$mnt/out"; return; fi
    dir="/dev/shm/stowage-restore-$1-$2-$ORDER"
  elif [[ $(id -u) == 0 ]] && command -v mkfs.ext4 >/dev/null; then
    local image="$WORK/restore-$1.img" mnt="$WORK/restore-$1.mnt"
    rm -f "$image"; truncate -s "$((RESTORE_IMAGE_MIB))M" "$image"; mkdir -p "$mnt"
    if mkfs.ext4 -q -F ${RESTORE_INODES:+-N "$RESTORE_INODES"} -E lazy_itable_init=0,lazy_journal_init=0 "$image" && mount -o loop "$image" "$mnt" 2>/dev/null; then
      echo "$mnt/out"; return
    fi
    rm -f "$image"
  fi
  echo "$dir"
}

release_restore_targets() {
  local tool
  for tool in s r c; do
    while mountpoint -q "$WORK/restore-$tool.mnt"; do umount "$WORK/restore-$tool.mnt"; done
    rm -f "$WORK/restore-$tool.img"
  done
  rm -rf /dev/shm/stowage-restore-[src]-*
}

# The write floor: the time `cp -a` takes to write the source tree onto a restore target like the tools' own, what
# writing the same bytes and files costs on that device with no decoding at all (one thread: a restore that writes
# several files at once can go below it).
write_floor() { # TARGET BYTES FILES
  local out; out=$(restore_target c "$1")
  measure cp restore "$1" "$2" "$3" "" -- cp -a "$DATA" "$out"
}

