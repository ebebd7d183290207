#!/usr/bin/env bash
# Set up and run every test: Debian's chromium for the browser tests, nginx for the replica test,
# libcairo2 for the PDF export and LibreOffice Impress for the deck's conversion test, Node's
# packages for the map's JavaScript, a virtualenv with the pinned requirements, then ruff,
# ESLint, the JavaScript unit tests and pytest. Works on a fresh machine (as root, or with sudo).
# Arguments go to pytest (e.g. `bash tests/run.sh -m "not slow"` leaves out the replica, queue
# and LibreOffice tests, about 2 minutes of the run).
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-dejavu-core)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v npm >/dev/null || missing+=(nodejs npm)
ldconfig -p | grep -q libcairo.so.2 || missing+=(libcairo2)
lean=()
command -v soffice >/dev/null || lean+=(libreoffice-impress)
if [ ${#missing[@]} -gt 0 ] || [ ${#lean[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  export DEBIAN_FRONTEND=noninteractive
  [ ${#missing[@]} -eq 0 ] || $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  [ ${#lean[@]} -eq 0 ] || $SUDO apt-get install -y -qq --no-install-recommends "${lean[@]}" >/dev/null
fi
npm ci --no-audit --no-fund --loglevel=error
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
.venv/bin/ruff check .
.venv/bin/ruff format --check .
npx --no-install eslint --max-warnings 0 .
node layers/web/js/build.mjs --check
node --test tests/js/
.venv/bin/python -m geodata validate
.venv/bin/python -m pytest -q "$@"
