"""Worker processes that end when the process that started them dies.

A pool worker waits for work on a pipe that its sibling workers also hold open, so when the
parent is killed (SIGKILL, out of memory) no end-of-file ever reaches it: without help it
idles for ever. :func:`exit_with_parent`, called in the worker's initializer, starts a daemon
thread that looks at ``os.getppid()`` every ``interval`` seconds and ends the process once
the parent has changed (an orphan is re-parented, to init or a subreaper).

Why not Linux's ``prctl(PR_SET_PDEATHSIG)``: the kernel sends that signal when the parent
*thread* that forked the worker ends, not the parent process, so a pool started from a
short-lived thread would lose live workers. Polling is portable (POSIX; on Windows a
parent's death does not change ``getppid``, so there the watch never fires) and costs one
system call per interval.
"""

from __future__ import annotations

import os
import threading
import time

__all__ = ["INTERVAL", "exit_with_parent"]

#: Seconds between two looks at the parent: about how long an orphan lives at most.
INTERVAL = 0.25


def _watch(parent: int, interval: float) -> None:
    while True:
        time.sleep(interval)
        if os.getppid() != parent:
            os._exit(1)  # no cleanup: the results have nowhere to go


def exit_with_parent(*, interval: float = INTERVAL) -> None:
    """End this process within ``interval`` seconds of its parent's death; return at once.

    The parent is the process's parent at the time of the call: the pool's owner under the
    ``fork`` start method, the fork server under ``forkserver`` (which itself ends with the
    owner, and its workers with it).
    """
    parent = os.getppid()
    threading.Thread(
        target=_watch, args=(parent, interval), name="copydesk-parent-watch", daemon=True
    ).start()
