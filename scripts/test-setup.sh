#!/usr/bin/env bash
# What the tests need beyond `npm ci`, from Debian's packages; `npm test` runs it first (the `pretest`
# script), so a fresh machine needs only `npm ci && npm test`. Idempotent: it installs only what is missing.
#   - chromium: the HTML inspection report is opened in a real headless Chromium (test/report/).
#   - fonts-noto-cjk: so the report's Chinese renders in screenshots.
#   - redis-server: the queue-mode tests start their own server on a free 127.0.0.1 port (test/node/queue.test.ts).
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -n "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ] || need+=(fonts-noto-cjk)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "test-setup: need root to install ${need[*]} (apt-get install -y ${need[*]})" >&2
    exit 1
  fi
fi
echo "test-setup: installing ${need[*]} from Debian's packages" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq < /dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" < /dev/null > /dev/null
/usr/bin/chromium --version >&2
redis-server --version >&2
