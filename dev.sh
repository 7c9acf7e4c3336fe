#!/usr/bin/env bash
# Set-up and everyday commands for a fresh Debian machine with Python 3.11.
#   ./dev.sh serve   install what is needed, then serve the handbook with live reload
#   ./dev.sh test    install what is needed (Chromium, Java, Node and the Nu Html Checker included, and
#                    ProperDocs in .venv-properdocs as the second builder), then run every test
set -euo pipefail
cd "$(dirname "$0")"
export NO_MKDOCS_2_WARNING=1

# install_python_packages VENV REQUIREMENTS [PIP OPTIONS]: reinstalls when a requirements file changed.
install_python_packages() {
  local venv=$1 requirements=$2 stamp=$1/.installed-$2
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  if [ ! -f "$stamp" ] || ! cmp -s <(cat requirements*.txt pyproject.toml) "$stamp"; then
    "$venv/bin/pip" install --quiet --disable-pip-version-check "${@:3}" -r "$requirements" -e .
    cat requirements*.txt pyproject.toml > "$stamp"
  fi
}

install_debian_packages() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v pdftoppm >/dev/null || missing+=(poppler-utils)
  command -v java >/dev/null || missing+=(default-jre-headless)
  command -v zbarimg >/dev/null || missing+=(zbar-tools)  # decodes the QR codes of the printed cards in the tests
  command -v npm >/dev/null || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# The Nu Html Checker as its maintainers publish it (npm package vnu-jar, pinned in package-lock.json).
# --ignore-scripts: its install script would download a Java of its own; the tests use Debian's.
install_node_packages() {
  local stamp=node_modules/.installed-package-lock.json
  if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
    npm ci --ignore-scripts --no-audit --no-fund --silent
    cp package-lock.json "$stamp"
  fi
}

case "${1:-}" in
  serve)
    install_python_packages .venv requirements.txt
    exec .venv/bin/mkdocs serve "${@:2}"
    ;;
  test)
    install_python_packages .venv requirements-test.txt
    # A complete pinned list, without MkDocs itself (see requirements-properdocs.txt).
    install_python_packages .venv-properdocs requirements-properdocs.txt --no-deps
    install_debian_packages
    install_node_packages
    exec .venv/bin/python -m pytest "${@:2}"
    ;;
  *)
    echo "gebruik: ./dev.sh serve | ./dev.sh test" >&2
    exit 2
    ;;
esac
