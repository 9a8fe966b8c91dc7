#!/usr/bin/env bash
# Installs the Debian packages Handouts needs to build, test and check its PDFs.
# Used by the README's quick start and by CI (.ci/run). Safe to run again.
set -euo pipefail
packages=(
  libcairo2-dev libpango1.0-dev libfontconfig-dev   # build: Cairo, Pango, fontconfig
  libqrencode-dev zlib1g-dev librsvg2-2              # build: QR codes, PDF streams; run: SVG logos (loaded when used)
  poppler-utils qpdf zbar-tools                      # tests: pdfinfo, pdffonts, pdftotext, qpdf --check, zbarimg
  cups cups-client printer-driver-cups-pdf           # print: lp, and a virtual PDF printer for the tests
  chromium chromium-driver                           # the web page's test: headless Chromium driven over WebDriver
)
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
echo "install-deps: ${packages[*]} installed"
