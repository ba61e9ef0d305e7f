#!/usr/bin/env bash
# Make sure a font with Chinese glyphs is installed for the charts (DejaVu, compiled in, has
# none), and print its path. `scripts/cjk-font.sh ensure` installs Debian's
# fonts-wqy-microhei with apt-get when it is missing (as root, or through sudo);
# COLLOQUY_CJK_FONT names another font file to use instead. colloquy looks for the same
# file at run time (src/chart.rs) and says in its log when it finds none.
set -euo pipefail

font=${COLLOQUY_CJK_FONT:-/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}
case "${1:-ensure}" in
  ensure)
    if [ ! -f "$font" ]; then
      echo "scripts/cjk-font.sh: installing Debian's fonts-wqy-microhei (Chinese text in charts needs it)..." >&2
      sudo=""
      [ "$(id -u)" = 0 ] || sudo="sudo"
      export DEBIAN_FRONTEND=noninteractive
      $sudo apt-get install -y --no-install-recommends fonts-wqy-microhei >&2 \
        || { $sudo apt-get update >&2 && $sudo apt-get install -y --no-install-recommends fonts-wqy-microhei >&2; } \
        || { echo "scripts/cjk-font.sh: could not install fonts-wqy-microhei with apt-get" >&2; exit 1; }
    fi
    [ -f "$font" ] || { echo "scripts/cjk-font.sh: $font is still missing" >&2; exit 1; }
    echo "$font"
    ;;
  *)
    echo "usage: scripts/cjk-font.sh ensure" >&2
    exit 2
    ;;
esac
