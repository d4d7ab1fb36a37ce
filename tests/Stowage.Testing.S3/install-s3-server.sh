#!/bin/sh
# Installs what Stowage.Testing.S3 needs to run a real S3 server (Ceph RADOS Gateway) for tests.
# Idempotent: returns at once when everything is already installed.
set -eu

tools="radosgw radosgw-admin ceph-mon ceph-osd ceph-authtool monmaptool ceph setsid"

missing=""
for tool in $tools; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done

if [ -z "$missing" ]; then
  exit 0
fi

echo "install-s3-server: missing$missing; installing radosgw, ceph-mon and ceph-osd (about 90 s)" >&2

if [ "$(id -u)" -eq 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1; then
  as_root="sudo"
else
  echo "install-s3-server: run as root or install sudo" >&2
  exit 1
fi

$as_root apt-get update -qq
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  radosgw ceph-mon ceph-osd util-linux >/dev/null

for tool in $tools; do
  command -v "$tool" >/dev/null 2>&1 || { echo "install-s3-server: $tool still missing after install" >&2; exit 1; }
done
