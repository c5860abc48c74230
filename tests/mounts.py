"""Real refusals from the file system, for tests that must hold as root too: a small private
file system (tmpfs) mounted in a user namespace, full or read-only."""

from __future__ import annotations

import shutil
import subprocess
import sys


def can_mount_tmpfs() -> bool:
    """True when a small private file system can be mounted without root (user namespaces)."""
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        return False
    probe = 'd=$(mktemp -d) && mount -t tmpfs -o size=16k none "$d" && umount "$d"'
    try:
        done = subprocess.run(
            ["unshare", "-rm", "sh", "-c", probe], capture_output=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0
