"""Errors a user can meet: each has a short code and a one-line message."""
from __future__ import annotations


class NewsledgerError(Exception):
    """Base class; `code` is stable and machine-readable, str(err) is one line for humans."""

    code = "error"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code


class InputError(NewsledgerError):
    """The input cannot be read as an article (missing, empty, binary, mis-encoded, too large)."""

    code = "bad_input"
