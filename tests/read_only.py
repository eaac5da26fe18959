"""Running a child process that sees a folder as read-only, as on a read-only disk.

As root, file permissions do not hold, so the child gets its own mount namespace in which the
folder is bind-mounted read-only (the kernel then answers EROFS, exactly as for a read-only
medium). Without root, the folder's write permission is taken away for the child's run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.locations import ROOT

_REMOUNT = 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" && exec "$@"'


def run_seeing_read_only(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python args`` (from the checkout) with ``folder`` read-only; skip where neither
    a private read-only mount (root) nor permissions (others) can make it so."""
    command = [sys.executable, *args]
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            return subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=ROOT)
        finally:
            folder.chmod(0o755)
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("running as root without unshare: cannot make a folder read-only")
    probe = subprocess.run(
        [unshare, "--mount", "sh", "-c", _REMOUNT, str(folder), "true"], capture_output=True
    )
    if probe.returncode != 0:
        pytest.skip("no private mounts here: cannot make a folder read-only")
    return subprocess.run(
        [unshare, "--mount", "sh", "-c", _REMOUNT, str(folder), *command],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
