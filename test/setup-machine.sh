#!/usr/bin/env bash
# Prepares a fresh Debian/Ubuntu machine to build and test the desk: the system packages the tests use
# (Chromium for end-to-end, a CJK font for screenshots, CUPS + cups-pdf for a real print queue, poppler to
# read PDFs back), then the npm dependencies. Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
have() { command -v "$1" >/dev/null 2>&1; }
have chromium || missing+=(chromium)
{ have fc-list && fc-list :lang=zh-cn family | grep -qi 'noto sans cjk'; } || missing+=(fonts-noto-cjk)
have pdftotext || missing+=(poppler-utils)
have cupsd || missing+=(cups)
[ -x /usr/lib/cups/backend/cups-pdf ] || missing+=(cups-pdf)

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=''
  [ "$(id -u)" -eq 0 ] || sudo='sudo'
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Electron's binary is not needed for the tests (they drive Debian's Chromium) and cannot be fetched on
# machines without internet; `npm ci` without this variable downloads it for real use.
ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
