#!/usr/bin/env bash
# Chromium and fonts with full Vietnamese coverage, from Debian's packages (browser tests and
# image export). Never `playwright install`: it downloads a browser build and fails here.
# nginx and openssl: the deployment's tests run Debian's nginx with the site from deploy/nginx in
# front of real replicas, over TLS with a throw-away certificate (tests/test_*serving.py).
set -euo pipefail
packages=(chromium chromium-driver fonts-dejavu-core fonts-liberation nginx openssl)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
