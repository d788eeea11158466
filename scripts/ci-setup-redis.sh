#!/usr/bin/env bash
# Installs Debian's redis-server for the queue-mode tests (test/node/queue.test.ts), which start their
# own server on a free 127.0.0.1 port and stop it. Idempotent: nothing to do when redis-server is
# already installed. Called by .ci/run before the tests; run it once on a developer's machine too.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends redis-server >/dev/null
command -v redis-server >/dev/null
