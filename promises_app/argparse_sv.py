"""argparse in Swedish: its own messages ("the following arguments are required", "invalid
choice", "usage:") translated by their gettext message ids.

argparse looks every message up through ``gettext`` (the module-level ``_`` and ``ngettext``
it imported), so the command line puts a Swedish catalogue in their place while it builds
its parser and reads the arguments (:func:`swedish_argparse`), and puts the originals back
afterwards. A catalogue, not a rewrite of the English output: the message ids are stable,
and ``tests/cli/test_messages.py`` checks that every id the running Python's argparse uses
is here, so a new Python with a new message fails a test instead of speaking English.

The values argparse quotes (an unknown choice, an invalid number, unrecognised arguments)
are cut by the format itself (``%(value).80r``): a 10 MB argument is not echoed whole.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator

#: The most characters of a value argparse's messages quote (as domain/validation.QUOTE_LIMIT).
_Q = "80"

CATALOGUE: dict[str, str] = {
    "usage: ": "Användning: ",
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    ".__call__() not defined": ".__call__() är inte definierad",
    "conflicting subparser: %s": "kommandot finns redan: %s",
    "conflicting subparser alias: %s": "kommandots andra namn finns redan: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        f"okänt kommando %(parser_name).{_Q}r (välj bland: %(choices)s)",
    'argument "-" with mode %r': 'argumentet "-" med läget %r',
    "can't open '%(filename)s': %(error)s": "kan inte öppna '%(filename)s': %(error)s",
    "cannot merge actions - two groups are named %r": "kan inte slå ihop: två grupper heter %r",
    "'required' is an invalid argument for positionals": "'required' går inte att ange för argument utan flagga",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r":
        "ogiltig flagga %(option)r: den måste börja med tecknet %(prefix_chars)r",
    "dest= is required for options like %r": "dest= måste anges för flaggor som %r",
    "invalid conflict_resolution value: %r": "ogiltigt värde för conflict_resolution: %r",
    "conflicting option string: %s": "flaggan finns redan: %s",
    "conflicting option strings: %s": "flaggorna finns redan: %s",
    "mutually exclusive arguments must be optional": "argument som utesluter varandra måste vara flaggor",
    "positional arguments": "argument",
    "options": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "cannot have multiple subparser arguments": "kan inte ha flera kommandon",
    "subcommands": "kommandon",
    "unrecognized arguments: %s": f"okända argument: %.{_Q}s",
    "not allowed with argument %s": "får inte anges tillsammans med argumentet %s",
    "ignored explicit argument %r": f"flaggan tar inget värde, men fick %.{_Q}r",
    "the following arguments are required: %s": "de här argumenten måste anges: %s",
    "one of the arguments %s is required": "ett av argumenten %s måste anges",
    "expected one argument": "ett värde måste anges efter flaggan",
    "expected at most one argument": "högst ett värde får anges",
    "expected at least one argument": "minst ett värde måste anges",
    "expected %s argument": "%s värde måste anges",
    "expected %s arguments": "%s värden måste anges",
    "ambiguous option: %(option)s could match %(matches)s":
        "flaggan %(option)s är tvetydig: den kan vara %(matches)s",
    "unexpected option string: %s": f"oväntad flagga: %.{_Q}s",
    "%r is not callable": "%r går inte att anropa",
    "invalid %(type)s value: %(value)r": f"ogiltigt värde (%(type)s): %(value).{_Q}r",
    "invalid choice: %(value)r (choose from %(choices)s)":
        f"ogiltigt val %(value).{_Q}r (välj bland %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    # Python 3.12 and later
    "argument '-' with mode %r": "argumentet '-' med läget %r",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)":
        f"ogiltigt val %(value).{_Q}r, menade du %(closest)r? (välj bland %(choices)s)",
    "show program's version number and exit": "visa programmets version och avsluta",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: varning: %(message)s\n",
    "option '%(option)s' is deprecated": "flaggan '%(option)s' ska inte längre användas",
    "command '%(parser_name)s' is deprecated": "kommandot '%(parser_name)s' ska inte längre användas",
    "argument '%(argument_name)s' is deprecated": "argumentet '%(argument_name)s' ska inte längre användas",
    "cannot use a type converter": "kan inte använda en typomvandlare",
}


def gettext(message: str) -> str:
    """The Swedish text of one of argparse's messages (the English one if it is not known)."""
    return CATALOGUE.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return gettext(singular if count == 1 else plural)


@contextlib.contextmanager
def swedish_argparse() -> Iterator[None]:
    """argparse speaks Swedish inside the block (building a parser, parsing, printing help)."""
    # argparse's own gettext names, which its stubs do not list:
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]  # private, not in the stubs
    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]  # private, not in the stubs
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]  # private, not in the stubs
