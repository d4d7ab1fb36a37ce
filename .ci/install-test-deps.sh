#!/usr/bin/env bash
# Installs, idempotently, what the integration tests start on 127.0.0.1. Fast when already installed.
set -euo pipefail
cd "$(dirname "$0")/.."

# The S3 test server: Ceph's RADOS Gateway from Debian packages.
sh tests/Stowage.Testing.S3/install-s3-server.sh
