#!/usr/bin/env bash
# axe-core, the accessibility rules the browser tests inject into every page
# (tests/test_browser_axe.py): from the npm registry, the version and checksum pinned in
# scripts/axe/package-lock.json, into scripts/axe/node_modules (git-ignored). Node and npm from
# Debian's packages when missing.
set -euo pipefail
here="$(cd "$(dirname "$0")/axe" && pwd)"
wanted="$(sed -n 's/.*"axe-core": "\(.*\)".*/\1/p' "$here/package.json")"
installed="$here/node_modules/axe-core/package.json"
if [ -f "$installed" ] && grep -q "\"version\": \"$wanted\"" "$installed"; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq npm
fi
npm ci --prefix "$here" --no-audit --no-fund --ignore-scripts --loglevel=error
