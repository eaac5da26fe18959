#!/usr/bin/env bash
# Set up studyapp in ./.venv (created on first use) and run it or its tests.
#   ./dev.sh start [studyapp options]   set up, then open the app on the shipped decks
#   ./dev.sh test  [pytest options]     set up with the test extra, then run the whole suite
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=${PYTHON:-python3}
VENV=.venv

need_python() {
    if ! command -v "$PYTHON" >/dev/null 2>&1; then
        echo "dev.sh: $PYTHON not found; install Python 3.11 or newer." >&2
        exit 1
    fi
    if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
        echo "dev.sh: studyapp needs Python 3.11 or newer; $PYTHON is $("$PYTHON" -V 2>&1)." >&2
        exit 1
    fi
}

make_venv() {
    # extras: "" for the app, "test" for the test suite. Re-installs only when pyproject changes.
    local extras=$1 stamp="$VENV/.installed-${1:-app}"
    need_python
    if [ ! -x "$VENV/bin/python" ]; then
        if ! "$PYTHON" -m venv "$VENV"; then
            rm -rf "$VENV"
            echo "dev.sh: could not create a virtual environment. On Debian or Ubuntu:" >&2
            echo "    sudo apt install python3-venv" >&2
            exit 1
        fi
        "$VENV/bin/python" -m pip install --quiet --upgrade pip
    fi
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
        # The optimizer extra (fsrs-rs-python, a compiled wheel) is optional: where no wheel
        # exists for this platform, install without it and the app hides the optimize action.
        if ! "$VENV/bin/python" -m pip install --quiet --editable ".[${extras:+$extras,}optimizer]"; then
            echo "dev.sh: installing without the optional FSRS optimizer" >&2
            "$VENV/bin/python" -m pip install --quiet --editable ".${extras:+[$extras]}"
        fi
        touch "$stamp"
    fi
    # Bytecode for the checkout, as pip makes for an installed wheel: a faster first window,
    # also where PYTHONDONTWRITEBYTECODE stops Python from caching it on import.
    "$VENV/bin/python" -m compileall -q studyapp >/dev/null || true
}

check_qt_desktop_libs() {
    # On X11, Qt's xcb plugin needs a few system libraries that not every desktop install has
    # (libxcb-cursor0 most often). Name the missing ones with the command that installs them,
    # instead of Qt's "could not load the Qt platform plugin" abort.
    [ "$(uname -s)" = Linux ] || return 0
    [ -z "${QT_QPA_PLATFORM:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -n "${DISPLAY:-}" ] || return 0
    local plugin
    plugin=$("$VENV/bin/python" -c 'import PySide6, pathlib; print(pathlib.Path(PySide6.__file__).parent / "Qt/plugins/platforms/libqxcb.so")')
    [ -f "$plugin" ] && command -v ldd >/dev/null 2>&1 || return 0
    local missing packages=""
    missing=$(ldd "$plugin" 2>/dev/null | awk '/not found/ {print $1}' | sort -u)
    [ -n "$missing" ] || return 0
    for lib in $missing; do
        case "$lib" in
            libxkbcommon-x11.so.*) packages="$packages libxkbcommon-x11-0" ;;
            libxcb-*.so.*) packages="$packages $(echo "$lib" | sed -E 's/\.so\.([0-9]+).*/\1/')" ;;
            libEGL.so.*) packages="$packages libegl1" ;;
            libGL.so.*) packages="$packages libgl1" ;;
            libfontconfig.so.*) packages="$packages libfontconfig1" ;;
            libdbus-1.so.*) packages="$packages libdbus-1-3" ;;
            *) packages="$packages $lib" ;;
        esac
    done
    echo "dev.sh: Qt needs system libraries that are missing here:" $missing >&2
    echo "    sudo apt install$packages" >&2
    exit 1
}

command=${1:-}
shift || true
case "$command" in
    start)
        make_venv ""
        check_qt_desktop_libs
        exec "$VENV/bin/studyapp" gui "$@"
        ;;
    test)
        make_venv "test,dev"
        QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} exec "$VENV/bin/python" -m pytest "$@"
        ;;
    *)
        echo "usage: ./dev.sh start [studyapp options] | ./dev.sh test [pytest options]" >&2
        exit 2
        ;;
esac
