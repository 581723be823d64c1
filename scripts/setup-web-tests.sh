#!/usr/bin/env bash
# Installs what the web pages' browser tests (app: WebPagesIT) need besides Chromium and
# chromedriver (Debian packages chromium, chromium-driver, installed by .ci/run): axe-core from
# the npm registry, into DIR (default /tmp/voxproof-web-tests). Idempotent; prints the path of
# axe.min.js, which the tests read from $VOXPROOF_AXE_JS (or the default DIR).
set -euo pipefail
DIR=${1:-${VOXPROOF_WEB_TEST_DIR:-/tmp/voxproof-web-tests}}
AXE_VERSION=4.14.1
AXE="$DIR/node_modules/axe-core/axe.min.js"
if [ ! -f "$AXE" ] || ! grep -q "\"version\": \"$AXE_VERSION\"" "$DIR/node_modules/axe-core/package.json" 2>/dev/null; then
  mkdir -p "$DIR"
  npm install --prefix "$DIR" --no-audit --no-fund --no-save --loglevel=error "axe-core@$AXE_VERSION" >&2
fi
echo "$AXE"
