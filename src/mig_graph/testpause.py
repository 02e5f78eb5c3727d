"""A test-only pause: the tests that interrupt commands make a command wait at a named stage.

It has no effect unless the environment variable ``MIG_GRAPH_TEST_PAUSE_AT`` names the stage; then
the command writes ``paused at STAGE`` to standard error and sleeps, so that a test can kill it
exactly inside a write window.
"""

from __future__ import annotations

import os
import sys
import time

__all__ = ["PAUSE_VARIABLE", "pause_for_tests"]

PAUSE_VARIABLE = "MIG_GRAPH_TEST_PAUSE_AT"


def pause_for_tests(stage: str) -> None:
    """Sleep for an hour if ``MIG_GRAPH_TEST_PAUSE_AT`` equals ``stage``; otherwise return at once.

    Parameters
    ----------
    stage
        The stage's name, ``command:moment`` (``publish:staged``).
    """
    if os.environ.get(PAUSE_VARIABLE) == stage:
        sys.stderr.write(f"paused at {stage}\n")
        sys.stderr.flush()
        time.sleep(3600)
