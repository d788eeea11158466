#!/usr/bin/env bash
# Test set-up for a fresh machine: what the tests need beyond `npm ci`, from Debian's packages.
# Idempotent: skips what is already there. Run as root (CI is), before `npm test`.
#   - chromium: the HTML inspection report is opened in a real headless Chromium (test/report/).
#   - fonts-noto-cjk: so the report's Chinese renders in screenshots.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -n "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ] || need+=(fonts-noto-cjk)
if [ ${#need[@]} -eq 0 ]; then
  echo "ci-setup: chromium and CJK fonts present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ci-setup: need root to install ${need[*]} (apt-get install -y ${need[*]})" >&2
  exit 1
fi
echo "ci-setup: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq < /dev/null
apt-get install -y -qq "${need[@]}" < /dev/null > /dev/null
/usr/bin/chromium --version
