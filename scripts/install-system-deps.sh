#!/usr/bin/env bash
# Install the Debian packages nereport needs, if any are missing.
#
#   chromium          headless browser for the browser tests (/usr/lib/chromium/chromium)
#   fonts-noto-cjk    Chinese glyphs in HTML/charts (no CJK font ships with the base image)
#   fonts-wqy-microhei Chinese glyphs in the PDFs: a TrueType font, which Chromium embeds as
#                     a small subset; Noto CJK (CFF outlines in a collection) it can only
#                     draw as Type 3 glyphs, at twice the cost of the whole page
#   fonts-liberation  metric-compatible Latin fonts for PDF/HTML/charts
#   poppler-utils     pdftotext/pdffonts/pdfimages for the PDF checks in tests
#   default-jre-headless Java for the Nu HTML Checker (node_modules/vnu-jar) in the tests
#   nodejs npm        only when no npm is on PATH: `make setup` installs the test suite's
#                     checkers (axe-core, vnu-jar) with npm. An npm already there is kept:
#                     NodeSource's nodejs ships its own and conflicts with Debian's npm
#
# Idempotent: when everything is installed it only asks dpkg and exits (no network).
# Otherwise it runs `apt-get update` once and installs the missing packages, as root
# or through sudo; without either it prints the command to run and exits non-zero.
# NEREPORT_SKIP_SYSTEM_DEPS=1 skips the whole step (e.g. on a non-Debian machine
# where you installed the equivalents yourself).
set -euo pipefail

PACKAGES=(chromium fonts-noto-cjk fonts-wqy-microhei fonts-liberation poppler-utils
    default-jre-headless)
if ! command -v npm >/dev/null 2>&1; then
    PACKAGES+=(nodejs npm)
fi

if [[ "${NEREPORT_SKIP_SYSTEM_DEPS:-}" == 1 ]]; then
    echo "install-system-deps: skipped (NEREPORT_SKIP_SYSTEM_DEPS=1)"
    exit 0
fi

if ! command -v dpkg >/dev/null 2>&1; then
    echo "install-system-deps: no dpkg here; this script knows Debian only." >&2
    echo "Install the equivalents of: ${PACKAGES[*]}" >&2
    echo "then rerun with NEREPORT_SKIP_SYSTEM_DEPS=1." >&2
    exit 1
fi

# `dpkg -s` also succeeds for removed packages whose config files remain,
# so look at the Status line rather than the exit code alone.
missing_packages() {
    local pkg
    for pkg in "${PACKAGES[@]}"; do
        if ! dpkg -s "$pkg" 2>/dev/null | grep -qx 'Status: install ok installed'; then
            printf '%s\n' "$pkg"
        fi
    done
}

mapfile -t missing < <(missing_packages)
if ((${#missing[@]} == 0)); then
    echo "install-system-deps: all present (${PACKAGES[*]})"
    exit 0
fi

install_cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
if [[ "$(id -u)" == 0 ]]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    echo "install-system-deps: missing Debian packages: ${missing[*]}" >&2
    echo "Run as root:" >&2
    echo "    $install_cmd" >&2
    exit 1
fi

echo "install-system-deps: installing ${missing[*]}"
"${as_root[@]}" apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"

mapfile -t still_missing < <(missing_packages)
if ((${#still_missing[@]} > 0)); then
    echo "install-system-deps: still missing after install: ${still_missing[*]}" >&2
    exit 1
fi
echo "install-system-deps: done"
