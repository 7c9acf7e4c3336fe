#!/usr/bin/env bash
# Set-up and everyday commands for a fresh Debian machine with Python 3.11.
#   ./dev.sh serve   install what is needed, then serve the handbook with live reload
#   ./dev.sh test    install what is needed (Chromium and Java included), then run every test
set -euo pipefail
cd "$(dirname "$0")"
export NO_MKDOCS_2_WARNING=1

install_python_packages() {
  local requirements=$1 stamp=.venv/.installed-$1
  [ -x .venv/bin/python ] || python3 -m venv .venv
  if [ ! -f "$stamp" ] || ! cmp -s <(cat requirements*.txt pyproject.toml) "$stamp"; then
    .venv/bin/pip install --quiet --disable-pip-version-check -r "$requirements" -e .
    cat requirements*.txt pyproject.toml > "$stamp"
  fi
}

install_debian_packages() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v pdftoppm >/dev/null || missing+=(poppler-utils)
  command -v java >/dev/null || missing+=(default-jre-headless)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

case "${1:-}" in
  serve)
    install_python_packages requirements.txt
    exec .venv/bin/mkdocs serve "${@:2}"
    ;;
  test)
    install_python_packages requirements-test.txt
    install_debian_packages
    exec .venv/bin/python -m pytest "${@:2}"
    ;;
  *)
    echo "gebruik: ./dev.sh serve | ./dev.sh test" >&2
    exit 2
    ;;
esac
