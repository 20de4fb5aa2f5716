#!/bin/sh
# Install the Kaiji Desk bundle on a Debian or Ubuntu workstation (run as root from the unpacked
# tarball): the program into /opt/kaiji-desk, `kaiji` on the PATH, the menu entry and icon, and
# the graphics and font libraries every desktop already has (they must match the machine's
# drivers, so the bundle does not carry them). No Python, no Tesseract package needed.
#
#   sudo ./install.sh            install or upgrade
#   sudo ./install.sh --remove   remove the program (the database and key file stay)
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
prefix="${KAIJI_PREFIX:-/opt/kaiji-desk}"
bin_dir="${KAIJI_BIN_DIR:-/usr/local/bin}"
share="${KAIJI_SHARE_DIR:-/usr/local/share}"

if [ "${1:-}" = "--remove" ]; then
  rm -rf "$prefix" "$bin_dir/kaiji" "$share/applications/kaiji-desk.desktop" \
    "$share/icons/hicolor/scalable/apps/kaiji-desk.svg"
  echo "Kaiji Desk removed (data in each user's folder is kept)."
  exit 0
fi

libs="libgl1 libegl1 libfontconfig1 libfreetype6 libxkbcommon0 libxkbcommon-x11-0 libglib2.0-0
  libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-shape0 libxcb-xkb1 libpq5"
if command -v apt-get >/dev/null 2>&1; then
  missing=""
  for pkg in $libs; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    echo "Installing system libraries:$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
  fi
else
  echo "Not a Debian system: make sure OpenGL, EGL, fontconfig and xkbcommon are installed."
fi

rm -rf "$prefix.new"
cp -a "$here/kaiji-desk" "$prefix.new"
rm -rf "$prefix"
mv "$prefix.new" "$prefix"
mkdir -p "$bin_dir" "$share/applications" "$share/icons/hicolor/scalable/apps"
ln -sf "$prefix/kaiji" "$bin_dir/kaiji"
cp "$here/kaiji-desk.desktop" "$share/applications/kaiji-desk.desktop"
cp "$here/kaiji-desk.svg" "$share/icons/hicolor/scalable/apps/kaiji-desk.svg"
echo "Kaiji Desk installed in $prefix; start it from the menu or with 'kaiji'."
