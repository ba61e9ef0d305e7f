#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the archive's browser test, and print its path.
# `scripts/chromium.sh ensure` installs it with apt-get when /usr/bin/chromium is missing
# (as root, or through sudo); COLLOQUY_CHROMIUM names another binary to use instead.
# The test starts it itself, headless, with a fresh profile and no background networking.
set -euo pipefail

bin=${COLLOQUY_CHROMIUM:-/usr/bin/chromium}
case "${1:-ensure}" in
  ensure)
    if [ ! -x "$bin" ]; then
      echo "scripts/chromium.sh: installing Debian's chromium (the archive's browser test needs it)..." >&2
      sudo=""
      [ "$(id -u)" = 0 ] || sudo="sudo"
      export DEBIAN_FRONTEND=noninteractive
      $sudo apt-get install -y --no-install-recommends chromium >&2 \
        || { $sudo apt-get update >&2 && $sudo apt-get install -y --no-install-recommends chromium >&2; } \
        || { echo "scripts/chromium.sh: could not install chromium with apt-get" >&2; exit 1; }
    fi
    [ -x "$bin" ] || { echo "scripts/chromium.sh: $bin is still missing" >&2; exit 1; }
    echo "$bin"
    ;;
  *)
    echo "usage: scripts/chromium.sh ensure" >&2
    exit 2
    ;;
esac
