"""A terminal driver that lets the app leave without waiting for Textual's input thread.

Textual's Linux driver reads the keyboard in a thread that polls stdin every 0.1 s and, once
told to stop, polls once more with nothing left to watch (another 0.1 s); quitting joins
that thread, which made Ctrl+Q take 0.1-0.2 s before anything else was closed. This driver
tells the thread to stop and moves on: the command line ends the process right after the
app (``cli/tui.py``), so the thread never outlives it. Only for a real terminal and a
process about to end; anything else (tests, the browser's driver) keeps Textual's own.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import termios

from textual.driver import Driver

__all__ = ["quick_exit_driver"]


def quick_exit_driver() -> type[Driver] | None:
    """The driver for ``rakuten-assist tui`` in a terminal, or None for Textual's choice."""
    if sys.platform == "win32" or os.environ.get("TEXTUAL_DRIVER"):
        return None  # textual-serve (``tui --web``) chooses its own driver by environment
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return None
    from textual.drivers.linux_driver import LinuxDriver

    class QuickExitDriver(LinuxDriver):
        """Textual's Linux driver, without the wait for its input thread on leaving."""

        def disable_input(self) -> None:
            """Stop reading keys; the input thread ends on its own within 0.1 s."""
            if self.exit_event.is_set():
                return
            try:
                signal.signal(signal.SIGWINCH, signal.SIG_DFL)
                self._disable_mouse_support()
            except (AttributeError, ValueError, OSError):
                super().disable_input()  # another Textual: its own way
                return
            self.exit_event.set()
            with contextlib.suppress(termios.error):
                termios.tcflush(self.fileno, termios.TCIFLUSH)

    return QuickExitDriver
