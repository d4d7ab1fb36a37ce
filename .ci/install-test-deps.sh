#!/usr/bin/env bash
# Installs, idempotently, what the integration tests start on 127.0.0.1. Fast when already installed.
set -euo pipefail
cd "$(dirname "$0")/.."

# The S3 test server: Ceph's RADOS Gateway from Debian packages.
sh tests/Stowage.Testing.S3/install-s3-server.sh

# The console's browser tests drive Debian's Chromium through Playwright (no browser download).
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
fi

# The CLI's progress bar is read from a real terminal: tmux runs it and capture-pane reads the screen.
if ! command -v tmux >/dev/null 2>&1; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends tmux
fi

# The console's charts: Chart.js from npm into its wwwroot (the build also fetches it when missing).
bash services/console/Stowage.Console/vendor-chartjs.sh
