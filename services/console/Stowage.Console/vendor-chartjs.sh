#!/usr/bin/env bash
# Fetches the pinned Chart.js release from npm into wwwroot/lib (the console's charts); run by the build when missing.
set -euo pipefail
cd "$(dirname "$0")"
version=4.5.1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "chart.js@$version" >/dev/null && tar -xzf "chart.js-$version.tgz")
mkdir -p wwwroot/lib
cp "$work/package/dist/chart.umd.js" wwwroot/lib/chart.umd.js
cp "$work/package/LICENSE.md" wwwroot/lib/chart.js.LICENSE.md
