#!/usr/bin/env bash
# Set up Kaiji Desk on a Debian/Ubuntu machine, then start it or test it.
#
#   packaging/setup.sh run    install what is missing, create a demo database, open the window
#   packaging/setup.sh test   install what is missing, then lint, type-check and run every test
#   packaging/setup.sh bundle install what is missing, then build the self-contained bundle
#                             (dist/kaiji-desk-VERSION-linux-ARCH.tar.gz, see packaging/README.md)
#
# Safe to run again: each step skips what is already in place.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mode="${1:-run}"
venv="${KAIJI_VENV:-$here/.venv}"
python="${PYTHON:-python3}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Debian packages: Qt's runtime libraries, a Japanese font, Xvfb for headless runs,
# Tesseract with Japanese data and poppler for scans, libpq for shared PostgreSQL databases
# (PostgreSQL itself for the shared-database tests).
debs=(
  python3-venv
  libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfreetype6 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0
  libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0
  fonts-ipaexfont fonts-noto-cjk
  tesseract-ocr tesseract-ocr-jpn poppler-utils
  libpq5
  xvfb xauth
)
[ "$mode" = test ] && debs+=(postgresql)

install_debs() {
  local missing=()
  for pkg in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

install_python() {
  if [ ! -x "$venv/bin/python" ]; then
    say "creating the virtual environment in $venv"
    "$python" -m venv "$venv"
  fi
  local stamp="$venv/.kaiji-installed"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    say "installing Kaiji Desk and its Python packages"
    "$venv/bin/python" -m pip install -q --upgrade pip
    "$venv/bin/python" -m pip install -q -e ".[test,bundle]"
    touch "$stamp"
  fi
}

build_qt_files() {
  # Designer forms → Python, translations → .qm (both generated, not committed).
  mkdir -p desktop/gui/forms
  [ -f desktop/gui/forms/__init__.py ] || echo '"""Generated from ui/*.ui by pyside6-uic."""' > desktop/gui/forms/__init__.py
  for form in ui/*.ui; do
    out="desktop/gui/forms/$(basename "${form%.ui}").py"
    if [ ! -f "$out" ] || [ "$form" -nt "$out" ]; then
      "$venv/bin/pyside6-uic" --from-imports "$form" -o "$out"
    fi
  done
  for ts in resources/translations/*.ts; do
    [ -e "$ts" ] || continue
    qm="${ts%.ts}.qm"
    if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
      "$venv/bin/pyside6-lrelease" -silent "$ts" -qm "$qm"
    fi
  done
}

start_postgres() {
  # The store tests run on a real PostgreSQL server on localhost.
  local version
  version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
  if ! pg_lsclusters -h | grep -q online; then
    say "starting PostgreSQL $version"
    pg_ctlcluster "$version" main start
  fi
  su postgres -c "psql -tAc \"select 1 from pg_roles where rolname='kaiji'\"" | grep -q 1 ||
    su postgres -c "psql -qc \"create role kaiji login password 'kaiji' createdb\""
  su postgres -c "psql -tAc \"select 1 from pg_database where datname='kaiji_test'\"" | grep -q 1 ||
    su postgres -c "createdb -O kaiji kaiji_test"
  export KAIJI_TEST_PG_URL="postgresql+psycopg://kaiji:kaiji@127.0.0.1:5432/kaiji_test"
}

install_debs
install_python
build_qt_files

case "$mode" in
  run)
    export KAIJI_HOME="${KAIJI_HOME:-$here/.demo}"
    if [ ! -f "$KAIJI_HOME/data/kaiji.db" ]; then
      say "creating a demo database in $KAIJI_HOME (log in as admin / clerk / supervisor, password: kaiji-demo)"
      printf 'kaiji-demo\n' > "$KAIJI_HOME.pw" 2>/dev/null || { mkdir -p "$KAIJI_HOME"; printf 'kaiji-demo\n' > "$KAIJI_HOME.pw"; }
      "$venv/bin/kaiji" init --demo --admin-password-file "$KAIJI_HOME.pw"
      rm -f "$KAIJI_HOME.pw"
    fi
    say "starting Kaiji Desk"
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      exec xvfb-run -a "$venv/bin/kaiji" "${@:2}"
    fi
    exec "$venv/bin/kaiji" "${@:2}"
    ;;
  test)
    start_postgres
    export QT_QPA_PLATFORM=offscreen
    say "ruff";          "$venv/bin/ruff" check desktop tests
    "$venv/bin/ruff" format --check desktop tests
    say "mypy";          "$venv/bin/mypy"
    say "import layers"; "$venv/bin/lint-imports"
    say "pytest";        "$venv/bin/python" -m pytest "${@:2}"
    ;;
  bundle)
    version="$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("kaiji-desk"))')"
    name="kaiji-desk-$version-linux-$(uname -m)"
    say "building the bundle $name"
    rm -rf build/bundle "dist/$name" "dist/$name.tar.gz"
    QT_QPA_PLATFORM=offscreen "$venv/bin/pyinstaller" --noconfirm --log-level WARN \
      --distpath "dist/$name" --workpath build/bundle packaging/kaiji.spec
    cp packaging/install.sh packaging/kaiji-desk.desktop resources/icons/kaiji-desk.svg "dist/$name/"
    tar -C dist -czf "dist/$name.tar.gz" "$name"
    say "dist/$name.tar.gz ($(du -h "dist/$name.tar.gz" | cut -f1)); smoke test: packaging/bundle-smoke.sh dist/$name.tar.gz"
    ;;
  *)
    echo "usage: packaging/setup.sh run|test|bundle [arguments]" >&2
    exit 64
    ;;
esac
