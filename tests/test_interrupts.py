"""Signals while writing: SIGTERM unwinds like Ctrl-C, and a held signal comes after the undo."""

import os
import signal

import pytest

from easyread.interrupts import held_interrupts, interrupts_raise


def test_sigterm_raises_keyboard_interrupt_inside_the_block_only():
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt), interrupts_raise():
        os.kill(os.getpid(), signal.SIGTERM)
    assert signal.getsignal(signal.SIGTERM) == before


def test_a_held_signal_is_delivered_after_the_block():
    order = []
    with pytest.raises(KeyboardInterrupt):
        with held_interrupts() as caught:
            os.kill(os.getpid(), signal.SIGINT)
            order.append("still running")
            assert caught == [signal.SIGINT]
        order.append("not reached")
    assert order == ["still running"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_no_signal_means_nothing_is_delivered():
    with held_interrupts() as caught:
        pass
    assert caught == []
