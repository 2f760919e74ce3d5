"""New record ids: version 4 UUIDs as before, from one `os.urandom` call per 256, never shared by a fork."""

from __future__ import annotations

import os
import uuid

import pytest

from api import ids


def test_ids_are_random_version_4_uuids() -> None:
    drawn = [ids.new_id() for _ in range(5000)]
    assert len(set(drawn)) == len(drawn)
    for one in drawn[:600]:
        assert one.version == 4 and one.variant == uuid.RFC_4122
        assert uuid.UUID(str(one)) == one


def test_one_call_to_the_os_serves_a_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = os.urandom

    def urandom(size: int) -> bytes:
        calls.append(size)
        return real(size)

    monkeypatch.setattr(ids.os, "urandom", urandom)
    monkeypatch.setattr(ids, "_buffer", b"")
    for _ in range(ids.BATCH * 3):
        ids.new_id()
    assert calls == [16 * ids.BATCH] * 3


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_a_forked_child_does_not_repeat_its_parents_ids() -> None:
    ids.new_id()  # the parent now holds a buffer of ids it has not handed out yet
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        os.write(write, ids.new_id().bytes)
        os._exit(0)
    os.close(write)
    os.waitpid(child, 0)
    from_child = uuid.UUID(bytes=os.read(read, 16))
    os.close(read)
    assert from_child != ids.new_id()
