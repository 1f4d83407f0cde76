"""ui/gc_guard.py: cyclic garbage made on a worker thread is collected on the GUI thread."""

from __future__ import annotations

import gc
import threading
import weakref

from ui.gc_guard import MainThreadCollector


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


def test_garbage_made_on_a_worker_is_collected_on_the_gui_thread(gc_on_gui_thread: MainThreadCollector, qtbot) -> None:
    assert not gc.isenabled()
    threads: list[int] = []

    def record(phase: str, info: dict) -> None:
        if phase == "start":
            threads.append(threading.get_ident())

    gc.callbacks.append(record)
    try:
        canary: list[weakref.ref] = []

        def churn() -> None:
            for _ in range(20_000):
                canary.append(weakref.ref(Node()))

        worker = threading.Thread(target=churn)
        worker.start()
        worker.join()
        assert threads == [], "a collection ran on the worker thread"
        qtbot.waitUntil(lambda: canary[0]() is None and canary[-1]() is None, timeout=5000)
    finally:
        gc.callbacks.remove(record)
    assert threads
    assert set(threads) == {threading.main_thread().ident}


def test_nothing_is_collected_before_the_threshold(gc_on_gui_thread: MainThreadCollector) -> None:
    gc.collect()
    assert gc_on_gui_thread.collect_if_due() == 0
