#!/usr/bin/env bash
# Smoke-test a Kaiji Desk bundle the way a workstation receives it: in a fresh Debian root
# (debootstrap minbase: no Python, no Tesseract, no project packages), unpack the tarball, run its
# install.sh, then start the window headless, read a real published licence sample with the
# bundled OCR engine and render a letter.
#
#   packaging/bundle-smoke.sh dist/kaiji-desk-VERSION-linux-ARCH.tar.gz
#
# Needs root (chroot) and debootstrap; the fresh root is kept in $KAIJI_SMOKE_ROOT's cache
# (build/smoke-base.tar) so a second run does not download Debian again.
set -euo pipefail
tarball="$(realpath "$1")"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="$here/build/smoke-base.tar"
root="$(mktemp -d /tmp/kaiji-smoke.XXXXXX)"
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

cleanup() {
  umount "$root/proc" 2>/dev/null || true
  rm -rf "$root"
}
trap cleanup EXIT

command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
if [ ! -f "$base" ]; then
  say "creating a fresh Debian root (minbase)"
  mkdir -p "$(dirname "$base")"
  suite="$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")"
  debootstrap --variant=minbase "$suite" "$root" http://deb.debian.org/debian >/dev/null
  tar -C "$root" -cf "$base" .
else
  tar -C "$root" -xf "$base"
fi
if chroot "$root" sh -c 'command -v python3 || command -v tesseract'; then
  echo "the fresh root already has Python or Tesseract: not a fair test" >&2
  exit 1
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
mkdir -p "$root/proc"
mount -t proc proc "$root/proc"
mkdir -p "$root/tmp/pkg" "$root/tmp/home"
tar -C "$root/tmp/pkg" -xzf "$tarball" --strip-components=1
cp "$here/../shared/realdocs/lic_mihon.jpg" "$root/tmp/page.jpg"

say "install.sh in the fresh root"
chroot "$root" sh -c 'cd /tmp/pkg && ./install.sh'

run() { chroot "$root" env HOME=/tmp/home KAIJI_HOME=/tmp/home QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 "$@"; }

say "kaiji --exit-after-start"
run kaiji --exit-after-start

say "kaiji ocr --json (bundled Tesseract and jpn data)"
run kaiji ocr --json /tmp/page.jpg > "$root/tmp/ocr.json"
# Without its engine or the jpn data the command fails; with them every page gets a kind.
grep -q '"kind"' "$root/tmp/ocr.json" || { cat "$root/tmp/ocr.json"; exit 1; }

say "kaiji letter --specimen disclosure"
run kaiji letter --specimen disclosure --out /tmp/letter.pdf
head -c 5 "$root/tmp/letter.pdf" | grep -q '%PDF-' || { echo "no PDF written" >&2; exit 1; }

say "bundle smoke test passed"
