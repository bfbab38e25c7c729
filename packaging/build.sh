#!/usr/bin/env bash
# Build the Linux bundle of Tổ Số and smoke-test it.
#
#   bash packaging/build.sh
#
# 1. a build venv (build/venv) with the app and the `package` extra (PyInstaller), reinstalled only when
#    pyproject.toml changes;  2. PyInstaller with packaging/toso.spec -> build/bundle/toso (onedir);
# 3. checks of the bundle: every linked library present (packaging/linux/check_libraries.py), its own
#    `toso --self-check`, an old database upgraded, and the window kept running for 10 s on a demo
#    commune, all offscreen;
# 4. dist/toso-<version>-linux-x86_64.tar.gz: toso/, toso.desktop and install.sh.
# Prints the bundle size and the build time. PYTHON picks the interpreter (default python3, >= 3.11).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/build"
VENV="$BUILD/venv"
STAMP="$VENV/.toso-package-stamp"
BUNDLE="$BUILD/bundle/toso"
PYTHON="${PYTHON:-python3}"
MAX_BUNDLE_MB="${MAX_BUNDLE_MB:-150}"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'build.sh: lỗi: %s\n' "$*" >&2; exit 1; }

started=$SECONDS
cd "$ROOT"

# --- 1. build venv ------------------------------------------------------------------------------
if [[ -x $VENV/bin/python ]] && ! "$VENV/bin/python" -c '' >/dev/null 2>&1; then
    rm -rf "$VENV"  # its Python is gone (the interpreter was upgraded)
fi
if [[ ! -x $VENV/bin/python ]]; then
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || die "cần Python >= 3.11 ($PYTHON)"
    log "creating $VENV"
    "$PYTHON" -m venv "$VENV"
fi
hash=$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)
if [[ ! -f $STAMP || $(<"$STAMP") != "$hash" ]]; then
    log "pip install .[package] into the build venv"
    export PIP_DISABLE_PIP_VERSION_CHECK=1
    # Not editable: the bundle must hold the installed metadata (version) as a user's install would.
    "$VENV/bin/python" -m pip install --quiet --progress-bar off ".[package]"
    printf '%s\n' "$hash" >"$STAMP"
fi

# --- 2. PyInstaller -------------------------------------------------------------------------------
version=$("$VENV/bin/python" -c 'from importlib.metadata import version; print(version("toso"))')
log "pyinstaller packaging/toso.spec (toso $version)"
# The phonenumbers hook names the geocoding data modules the spec leaves out on purpose: one warning each.
"$VENV/bin/python" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$BUILD/bundle" --workpath "$BUILD/pyinstaller" packaging/toso.spec 2>&1 \
    | { grep -v -E 'Hidden import "phonenumbers\.(geodata|carrierdata|tzdata)' || true; }

# --- 3. the frozen app checks itself --------------------------------------------------------------
log "libraries of the bundle"
"$VENV/bin/python" packaging/linux/check_libraries.py "$BUNDLE" || die "the bundle links to libraries it lacks"
log "self-check of the bundle"
check_home=$(mktemp -d)
# A throwaway HOME: the check must not read or write the builder's own settings or data.
HOME=$check_home XDG_CONFIG_HOME=$check_home/.config XDG_DATA_HOME=$check_home/.local/share \
    QT_QPA_PLATFORM=offscreen "$BUNDLE/toso" --self-check || { rm -rf "$check_home"; die "bundle self-check failed"; }
log "an upgrade: the bundle migrates a database of the first schema (tests/fixtures) and finds its records"
mkdir -p "$check_home/old"
cp tests/fixtures/toso-schema-0001.sqlite3 "$check_home/old/toso.sqlite3"
found=$(HOME=$check_home "$BUNDLE/toso" search "nguyen thi anh" --data-dir "$check_home/old") || found=""
[[ $found == *"Nguyễn Thị Ánh"* ]] || { rm -rf "$check_home"; die "the bundle did not upgrade an old database"; }
log "the window starts on a demo commune (offscreen, stopped after 10 s)"
HOME=$check_home XDG_CONFIG_HOME=$check_home/.config QT_QPA_PLATFORM=offscreen \
    "$BUNDLE/toso" demo --data-dir "$check_home/data" --sessions 50 >/dev/null || die "bundle: toso demo failed"
rc=0
HOME=$check_home XDG_CONFIG_HOME=$check_home/.config QT_QPA_PLATFORM=offscreen TOSO_NO_CRASH_DIALOG=1 \
    timeout 10 "$BUNDLE/toso" --data-dir "$check_home/data" || rc=$?
# 124: still running when stopped, as a window should be; anything else means it ended or crashed on start.
if [[ $rc -ne 124 ]] || grep -q -E 'Traceback|ERROR' "$check_home/data/nhat-ky/toso.log"; then
    cat "$check_home/data/nhat-ky/toso.log" >&2 || true
    rm -rf "$check_home"
    die "the bundle's window did not keep running (exit $rc)"
fi
rm -rf "$check_home"

# --- 4. tarball -------------------------------------------------------------------------------------
name="toso-$version-linux-x86_64"
stage="$BUILD/stage/$name"
rm -rf "$BUILD/stage"
mkdir -p "$stage" "$ROOT/dist"
cp -a "$BUNDLE" "$stage/toso"
cp packaging/linux/toso.desktop packaging/linux/install.sh "$stage/"
chmod +x "$stage/install.sh"
tar -C "$BUILD/stage" -czf "$ROOT/dist/$name.tar.gz" "$name"

size_mb=$(du -sm "$BUNDLE" | cut -f1)
log "bundle: $BUNDLE — $(du -sh "$BUNDLE" | cut -f1) (limit ${MAX_BUNDLE_MB} MB); biggest files:"
# (awk reads to the end: `head` would close the pipe early, and pipefail would count sort's SIGPIPE.)
find "$BUNDLE" -type f -printf '%s %P\n' | sort -n -r \
    | awk 'NR <= 8 {printf "    %6.1f MB  %s\n", $1 / 1048576, $2}' >&2
log "tarball: dist/$name.tar.gz — $(du -sh "$ROOT/dist/$name.tar.gz" | cut -f1)"
log "build time: $((SECONDS - started)) s"
((size_mb <= MAX_BUNDLE_MB)) || die "the bundle is $size_mb MB, over the $MAX_BUNDLE_MB MB limit"
