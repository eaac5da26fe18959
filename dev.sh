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
}

command=${1:-}
shift || true
case "$command" in
    start)
        make_venv ""
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
