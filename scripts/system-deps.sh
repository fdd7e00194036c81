#!/usr/bin/env bash
# Chromium and fonts with full Vietnamese coverage, from Debian's packages (browser tests and
# image export). Never `playwright install`: it downloads a browser build and fails here.
# The report (python -m parindex report, the Overview's Word/PDF downloads): LibreOffice's Writer
# without its GUI converts the Word file to PDF; fonts-liberation2 is Liberation 2, metric-compatible
# with Times New Roman and, unlike fonts-liberation (1.07), with every Vietnamese letter (ệ, ở, ữ...);
# poppler-utils (pdftotext, pdftoppm, pdffonts) reads the PDF back in the tests.
# nginx and openssl: the deployment's tests run Debian's nginx with the site from deploy/nginx in
# front of real replicas, over TLS with a throw-away certificate (tests/test_*serving.py).
set -euo pipefail
packages=(chromium chromium-driver fonts-dejavu-core fonts-liberation nginx openssl)
report_packages=(libreoffice-writer-nogui fonts-liberation2 poppler-utils)  # without Recommends: Java, GUI
missing=()
missing_report=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
for p in "${report_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing_report+=("$p")
done
[ ${#missing[@]} -eq 0 ] && [ ${#missing_report[@]} -eq 0 ] && exit 0
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
[ ${#missing[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
[ ${#missing_report[@]} -eq 0 ] || \
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing_report[@]}"
