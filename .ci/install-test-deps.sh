#!/usr/bin/env bash
# Installs, idempotently, the Debian packages the integration tests start on 127.0.0.1:
# Ceph's RADOS Gateway (the S3 test server). Nothing is downloaded when it is already there.
set -euo pipefail

missing=()
for tool in radosgw ceph-mon ceph-osd ceph-authtool monmaptool radosgw-admin; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing the S3 test server (radosgw, ceph-mon, ceph-osd); missing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends radosgw ceph-mon ceph-osd >/dev/null
fi
