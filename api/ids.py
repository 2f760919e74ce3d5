"""Random (version 4) UUIDs for new records, drawn from the OS a few thousand bytes at a time.

`uuid.uuid4()` asks the kernel for 16 random bytes on every call, and CPython releases the GIL
around that system call. On the event loop under load that hands the GIL to one of the threads
evaluating cases, and the loop (which every request waits on) gets it back only when that
thread gives it up, up to the switch interval (5 ms) later. These ids are as random (the same
`os.urandom`), but one call serves 256 ids. A forked child starts with a buffer of its own, so
two processes never hand out the same ids.
"""

from __future__ import annotations

import os
import threading
import uuid

#: Ids per call to `os.urandom`.
BATCH = 256

_lock = threading.Lock()
_buffer = b""
_offset = 0


def new_id() -> uuid.UUID:
    """A random UUID (version 4), as `uuid.uuid4()` makes it."""
    global _buffer, _offset
    with _lock:
        if _offset >= len(_buffer):
            _buffer, _offset = os.urandom(16 * BATCH), 0
        chunk = _buffer[_offset : _offset + 16]
        _offset += 16
    return uuid.UUID(bytes=chunk, version=4)


def _forget() -> None:
    global _buffer, _offset
    _buffer, _offset = b"", 0


os.register_at_fork(after_in_child=_forget)
