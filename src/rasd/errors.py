"""Rasd's exceptions.

Hierarchy (everything Rasd raises on purpose derives from :class:`RasdError`)::

    RasdError
    ├── InputError          a document or file could not be read (names file and line)
    │   ├── DecodeError     bytes that are neither UTF-8 nor Windows-1256, or a binary file
    │   └── FormatError     malformed JSON/CSV/feed, missing required field, oversized document
    ├── LexiconError        a dictionary file fails its schema (names file and line)
    ├── ConfigError         an option or argument that cannot be honoured
    └── StoreError          the event store is locked, unreachable or not a Rasd store

The CLI maps each class to one line on stderr and an exit code; library callers can catch
the base class.
"""

from __future__ import annotations


class RasdError(Exception):
    """Base class of every error Rasd raises on purpose."""

    exit_code = 1


class InputError(RasdError):
    """A document or input file could not be read.

    ``source`` names the file (or ``<stdin>``) and ``line`` the 1-based line (or record)
    number when there is one, so that the message points at the culprit.
    """

    exit_code = 2

    def __init__(self, message: str, source: str | None = None, line: int | None = None):
        self.message = message
        self.source = source
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.source or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"


class DecodeError(InputError):
    """Bytes that cannot be decoded as UTF-8 or Windows-1256, or a binary file."""


class FormatError(InputError):
    """A malformed record: bad JSON, a missing field, an oversized document, a bad archive."""


class LexiconError(RasdError):
    """A dictionary entry that fails its schema."""

    exit_code = 3

    def __init__(self, message: str, source: str | None = None, line: int | None = None):
        self.message = message
        self.source = source
        self.line = line
        super().__init__(f"{source or '<lexicon>'}:{line if line is not None else '?'}: {message}")


class ConfigError(RasdError):
    """An option that cannot be honoured."""

    exit_code = 4


class StoreError(RasdError):
    """The event store cannot be opened or written: locked, unreachable, or not a Rasd store."""

    exit_code = 5
