#!/usr/bin/env bash
# Makes sure a Chromium the console's browser tests can drive is installed
# (Debian package "chromium"), then prints its path on stdout. Honours
# $CHROMIUM when it names an executable. Progress goes to stderr so callers
# can do: export CHROMIUM="$(.ci/browser.sh)".
set -euo pipefail

find_chromium() {
  if [ -n "${CHROMIUM:-}" ] && [ -x "${CHROMIUM}" ]; then echo "$CHROMIUM"; return 0; fi
  for c in chromium chromium-browser google-chrome-stable google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then command -v "$c"; return 0; fi
  done
  return 1
}

if find_chromium; then exit 0; fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "browser.sh: not root and no sudo: cannot install chromium" >&2; exit 1; }
  sudo=(sudo)
fi
echo "== installing chromium (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >&2
"${sudo[@]}" apt-get install -y -qq chromium >&2
find_chromium || { echo "browser.sh: chromium installed but not found on PATH" >&2; exit 1; }
