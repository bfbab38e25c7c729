#!/usr/bin/env bash
# Tổ Số — set up and run the app or the test suite on Debian/Ubuntu.
#
#   bash packaging/dev.sh run  [toso args…]    install what is missing, then start the app
#   bash packaging/dev.sh test [pytest args…]  install what is missing, then ruff + pytest
#
# Steps, in order: Debian packages (only the missing ones) -> .venv (python3 -m venv)
# -> pip install -e . / -e ".[test]" (skipped while pyproject.toml is unchanged) -> the command.
# .ci/run calls `dev.sh test`, so CI and developers run exactly the same thing.
# To add a step (e.g. a database server the tests need), write an ensure_* function and
# call it from cmd_test / cmd_run below.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
STAMP="$VENV/.toso-install-stamp"

# ---------------------------------------------------------------------------------------------
# Debian/Ubuntu packages — the one place to edit. "a|b" means: either one counts as installed;
# to install, the first one apt knows is taken (Debian 13 / Ubuntu 24.04 renamed some libraries
# with a "t64" suffix). Found with `readelf -d` / `ldd` on the PySide6 6.12 wheels.
# ---------------------------------------------------------------------------------------------
APT_RUNTIME=(
    # Qt core + QtGui + every PySide6 GUI module (also what the "offscreen" platform needs)
    libgl1                           # libGL.so.1: linked by QtGui/QtWidgets and all Qt plugins
    libegl1                          # libEGL.so.1: QtGui
    libx11-6                         # libX11.so.6: QtGui, offscreen and xcb platform plugins
    libxkbcommon0                    # libxkbcommon.so.0: QtGui keyboard handling
    libfontconfig1                   # libfontconfig.so.1: QtGui font lookup
    libfreetype6                     # libfreetype.so.6: QtGui font rendering
    "libglib2.0-0t64|libglib2.0-0"   # libglib-2.0 / libgthread-2.0: QtCore event loop
    libdbus-1-3                      # libdbus-1.so.3: QtDBus, linked by QtGui
    libgssapi-krb5-2                 # QtNetwork (linked by QtPdf and others)
    libbrotli1                       # libbrotlidec/libbrotlicommon: QtNetwork
    # X11 desktop: the "xcb" platform plugin (libqxcb.so + libQt6XcbQpa.so + GLX/EGL integrations)
    libxcb1 libx11-xcb1 libxkbcommon-x11-0
    libxcb-cursor0 libxcb-icccm4 libxcb-util1 libxcb-image0 libxcb-keysyms1 libxcb-randr0
    libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0
    libxcb-xkb1 libxcb-glx0
    # Wayland desktop (Ubuntu's default session): the "wayland" platform plugin
    libwayland-client0 libwayland-cursor0 libwayland-egl1
    # Printing: Qt's CUPS print-support plugin (the print dialog and printers) links libcups
    "libcups2t64|libcups2"
    # Fonts: the Qt wheels ship none; DejaVu covers Vietnamese and makes rendering the same everywhere
    fonts-dejavu-core
)
APT_TEST=(
    poppler-utils                    # pdftoppm / pdftotext: tests read the PDFs the app writes
    "nginx-light|nginx"              # tests run packaging/server/nginx-toso.conf for real, with TLS
    "postgresql|postgresql-15|postgresql-16|postgresql-17"  # the server tests run on PostgreSQL too
)

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'dev.sh: error: %s\n' "$*" >&2; exit 1; }

usage() {
    cat >&2 <<'EOF'
Usage:
  bash packaging/dev.sh run  [toso args…]     cài đặt rồi chạy ứng dụng / install, then start the app
  bash packaging/dev.sh test [pytest args…]   cài đặt rồi chạy kiểm thử / install, then run the tests
EOF
    exit 2
}

as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root to run: $* (install sudo or run as root)"
    fi
}

# --- system packages --------------------------------------------------------------------------

APT_UPDATED=0
apt_update_once() {
    [[ $APT_UPDATED -eq 1 ]] && return 0
    log "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
        || log "warning: apt-get update reported errors; trying to install anyway"
    APT_UPDATED=1
}

# (Output is captured first: `cmd | grep -q` can kill cmd with SIGPIPE, which pipefail reports.)
deb_installed() {  # deb_installed NAME -> 0 if installed (any architecture)
    local status
    status=$(dpkg-query -W -f='${db:Status-Status}\n' "$1" 2>/dev/null) || return 1
    [[ $'\n'$status$'\n' == *$'\n'installed$'\n'* ]]
}

deb_available() {  # deb_available NAME -> 0 if apt has an installable version
    local policy
    policy=$(apt-cache policy "$1" 2>/dev/null) || return 1
    [[ $policy =~ Candidate:\ [^\(] ]]
}

# ensure_debs SPEC… — install the specs (NAME or "NAME|NAME") that are not installed yet.
ensure_debs() {
    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        log "warning: not a Debian/Ubuntu system; install the equivalents of these yourself: $*"
        return 0
    fi
    local spec alt alts missing=()
    for spec in "$@"; do
        local found=0
        IFS='|' read -r -a alts <<<"$spec"
        for alt in "${alts[@]}"; do
            if deb_installed "$alt"; then found=1; break; fi
        done
        [[ $found -eq 1 ]] || missing+=("$spec")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0

    apt_update_once
    local to_install=()
    for spec in "${missing[@]}"; do
        IFS='|' read -r -a alts <<<"$spec"
        local pick=""
        for alt in "${alts[@]}"; do
            if deb_available "$alt"; then pick=$alt; break; fi
        done
        [[ -n $pick ]] || die "no Debian package available for: $spec"
        to_install+=("$pick")
    done
    log "apt-get install ${to_install[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${to_install[@]}"
}

# --- Python -----------------------------------------------------------------------------------

PYTHON="${PYTHON:-python3}"

# Prints the extra Debian packages Python itself needs (python3, python3-venv), if any.
python_debs() {
    if ! command -v "$PYTHON" >/dev/null 2>&1; then
        [[ $PYTHON == python3 ]] || die "PYTHON=$PYTHON not found"
        echo python3 python3-venv
    elif ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
        # Debian/Ubuntu ship venv's pip bootstrap (ensurepip) separately.
        echo python3-venv
    fi
}

check_python_version() {
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || die "Tổ Số needs Python >= 3.11; $PYTHON is $("$PYTHON" -V 2>&1). Set PYTHON=/path/to/python3.11+"
}

# ensure_venv EXTRAS — EXTRAS is "" (app only) or "test,server". Skips pip while the stamp matches.
ensure_venv() {
    local extras=$1 hash stamp=""
    hash=$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)

    if [[ -x $VENV/bin/python ]] && ! "$VENV/bin/python" -c '' >/dev/null 2>&1; then
        log "$VENV is broken (its Python is gone); recreating it"
        rm -rf "$VENV"
    fi
    if [[ ! -x $VENV/bin/python ]]; then
        check_python_version
        log "creating $VENV with $("$PYTHON" -V 2>&1)"
        "$PYTHON" -m venv "$VENV"
    fi

    [[ -f $STAMP ]] && stamp=$(<"$STAMP")
    # A "test,server" install also covers "run".
    if [[ $stamp == "$hash test,server" || ( -z $extras && $stamp == "$hash "* ) ]]; then
        return 0
    fi

    local target="."
    [[ -n $extras ]] && target=".[$extras]"
    log "pip install -e \"$target\" (the first time takes a few minutes: PySide6 is large)"
    rm -f "$STAMP"
    export PIP_DISABLE_PIP_VERSION_CHECK=1
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    (cd "$ROOT" && "$VENV/bin/python" -m pip install --progress-bar off -e "$target")
    printf '%s %s\n' "$hash" "$extras" >"$STAMP"
}

# --- PostgreSQL for the tests -----------------------------------------------------------------
# The server tests run on SQLite and on PostgreSQL. Unless TOSO_TEST_POSTGRES_URL already names a cluster,
# a throwaway one is started for the run: its own folder, a unix socket in that folder and no TCP (so the
# port only names the socket and never collides), trust auth, no fsync; it is stopped and removed on exit.
# TOSO_REQUIRE_POSTGRES=1 makes the PostgreSQL tests fail rather than skip if anything goes wrong.
PG_BIN=""
PG_DIR=""
PG_AS=()

stop_postgres() {
    [[ -n $PG_DIR ]] || return 0
    "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    PG_DIR=""
}

ensure_postgres() {
    export TOSO_REQUIRE_POSTGRES=1
    [[ -n ${TOSO_TEST_POSTGRES_URL:-} ]] && return 0
    PG_BIN=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
    [[ -x $PG_BIN/pg_ctl ]] || die "PostgreSQL not found (/usr/lib/postgresql/*/bin); install the postgresql package"
    PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/toso-pg.XXXXXX")
    trap stop_postgres EXIT
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres: "$PG_DIR"  # PostgreSQL refuses to run as root
        PG_AS=(runuser -u postgres --)
    fi
    local port=5432
    log "PostgreSQL for the tests in $PG_DIR"
    "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --no-sync >"$PG_DIR/initdb.log" 2>&1 \
        || die "initdb failed: $(tail -n 5 "$PG_DIR/initdb.log")"
    local options="-p $port -k $PG_DIR -c listen_addresses= -c max_connections=300"
    options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"  # throwaway data: speed first
    "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 -o "$options" start >/dev/null \
        || die "PostgreSQL did not start: $(tail -n 5 "$PG_DIR/server.log")"
    export TOSO_TEST_POSTGRES_URL="postgresql+psycopg://postgres@/postgres?host=$PG_DIR&port=$port"
}

# --- the installable app ----------------------------------------------------------------------

# CI builds the Linux bundle and smoke-tests it: packaging/build.sh checks its libraries, runs the frozen
# `toso --self-check` and starts its window, all offscreen, and prints the bundle size. Done on a full test
# run (no pytest arguments, as CI runs it) or with TOSO_BUNDLE=1; TOSO_BUNDLE=0 skips it.
APT_PACKAGE=(
    binutils                         # objdump/readelf/strip: PyInstaller reads and strips shared libraries
)

check_bundle() {
    local wanted=${TOSO_BUNDLE:-auto}
    if [[ $wanted == 0 || ($wanted == auto && $# -gt 0) ]]; then
        log "bundle build skipped (TOSO_BUNDLE=1 forces it)"
        return 0
    fi
    ensure_debs "${APT_PACKAGE[@]}"
    log "packaging/build.sh: the Linux bundle, its self-check and its size"
    bash "$ROOT/packaging/build.sh"
}

# --- commands ---------------------------------------------------------------------------------

cmd_run() {
    local pydebs
    pydebs=$(python_debs)
    # shellcheck disable=SC2086  # word splitting of $pydebs is intended
    ensure_debs "${APT_RUNTIME[@]}" $pydebs
    ensure_venv ""
    if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} && -z ${QT_QPA_PLATFORM:-} ]]; then
        cat >&2 <<'EOF'
Lưu ý: không thấy màn hình (DISPLAY / WAYLAND_DISPLAY trống); cửa sổ có thể không mở được.
       Hãy chạy trong phiên đồ họa, hoặc đặt QT_QPA_PLATFORM (vd. offscreen, vnc).
Note:  no display found (DISPLAY / WAYLAND_DISPLAY are empty); the window may fail to open.
       Run inside a graphical session, or set QT_QPA_PLATFORM (e.g. offscreen, vnc).
EOF
    fi
    exec "$VENV/bin/toso" "$@"
}

cmd_test() {
    local pydebs
    pydebs=$(python_debs)
    # shellcheck disable=SC2086
    ensure_debs "${APT_RUNTIME[@]}" "${APT_TEST[@]}" $pydebs
    ensure_venv test,server  # the server extra: the sync tests run a real province server
    ensure_postgres
    cd "$ROOT"
    export QT_QPA_PLATFORM=offscreen

    log "ruff check desktop sync tests packaging"
    "$VENV/bin/python" -m ruff check desktop sync tests packaging

    log "mypy (strict on sync/ and desktop/store)"
    "$VENV/bin/python" -m mypy

    log "pytest $*"
    local rc=0
    "$VENV/bin/python" -m pytest "$@" || rc=$?
    if [[ $rc -eq 5 ]]; then
        printf 'dev.sh: error: pytest collected no tests (exit 5) — treated as a failure.\n' >&2
        exit 1
    fi
    if [[ $rc -eq 0 ]]; then
        check_bundle "$@" || rc=$?
    fi
    exit "$rc"
}

main() {
    [[ $# -ge 1 ]] || usage
    local cmd=$1
    shift
    case $cmd in
        run) cmd_run "$@" ;;
        test) cmd_test "$@" ;;
        -h | --help | help) usage ;;
        *) printf 'dev.sh: unknown command: %s\n' "$cmd" >&2; usage ;;
    esac
}

main "$@"
