"""frontdoor.Pack: a loaded rule pack, its decisions and its pickling by files and digest."""
import json

from frontdoor import _frontdoor
from frontdoor.errors import PackError


def _loaded(result):
    pack, diagnostics = result
    if pack is None:
        raise PackError(diagnostics)
    return pack, diagnostics


def _restore(label, files, digest):
    """Unpickles a Pack: reloads its files and insists on the digest it was pickled with."""
    pack = Pack.load_files(label, files)
    if pack.digest != digest:
        raise ValueError(f"the unpickled pack's digest {pack.digest} is not the pickled {digest}")
    return pack


EXPLANATION_FORMS = {False: 0, True: 1, "full": 1, "compact": 2}


def explanation_form(explain):
    """The engine's code for an `explain` argument: False, True / "full", or "compact"; anything
    else (a typo, 1, None) is a ValueError, never a guess."""
    if isinstance(explain, (bool, str)) and explain in EXPLANATION_FORMS:
        return EXPLANATION_FORMS[explain]
    raise ValueError(f'explain is True, False, "full" or "compact", not {explain!r}')


class Pack:
    """A loaded rule pack. Immutable: any number of threads may decide with one at once."""

    __slots__ = ("_impl", "_label", "warnings")

    def __init__(self, impl, label, warnings):
        self._impl = impl
        self._label = label
        self.warnings = warnings  # the load's warnings (Diagnostic objects)

    @classmethod
    def load(cls, directory):
        """Loads every *.rules file in `directory` and the data files they name; raises PackError
        (with .diagnostics) when the pack has errors."""
        directory = str(directory)
        impl, diagnostics = _loaded(_frontdoor.load_directory(directory))
        return cls(impl, directory, diagnostics)

    @classmethod
    def load_files(cls, label, files):
        """The same from files in memory: `files` is a list of (relative path, bytes or str)."""
        encoded = [(name, content.encode() if isinstance(content, str) else bytes(content)) for name, content in files]
        impl, diagnostics = _loaded(_frontdoor.load_files(str(label), encoded))
        return cls(impl, str(label), diagnostics)

    name = property(lambda self: self._impl.name, doc="The pack's declared name.")
    version = property(lambda self: self._impl.version, doc="The pack's declared version.")
    digest = property(lambda self: self._impl.digest, doc='"sha256:<hex>" over the pack\'s files.')

    def files(self):
        """The pack's files as a list of (relative path, bytes), in a canonical order."""
        return self._impl.files()

    def decide_json(self, text, explain=True):
        """Decides one JSON document (str or bytes) and returns the decision as one line of JSON,
        byte for byte what `frontdoor eval` prints; raises Refused when the pack refuses it.
        `explain`: True or "full" (the decision schema's explanation), False (none), or "compact"
        (as `eval --explain compact`: entries refer to explanation_dictionary() by "$ref")."""
        return self._impl.decide_json(bytes(text) if isinstance(text, bytearray) else text, explanation_form(explain))

    def decide_lines(self, text, first_line=1, explain=True, threads=1):
        """Decides a slice of a JSON-lines file as `frontdoor eval --jsonl` does: `text` (bytes)
        holds whole lines and its first line is line `first_line` of its file. Returns (answers,
        decided, refusals): the answers as bytes, one line each ending in LF (a refusal's line is
        refusal_json's), the number decided, and [(line, path, message)] for each refusal.
        `threads` > 1 decides chunks of lines on that many threads (the GIL released), with the
        same answers in the same order. `explain` as for decide_json."""
        if not isinstance(threads, int) or isinstance(threads, bool) or not 1 <= threads <= 999:
            raise ValueError(f"threads is a number of threads from 1 to 999, not {threads!r}")
        return self._impl.decide_lines(bytes(text), first_line, explanation_form(explain), threads)

    def decide(self, contact, explain=True):
        """Decides a contact given as a JSON text or as Python values (dicts, lists, str, numbers)
        and returns the decision as a dict; raises Refused when the pack refuses it."""
        text = contact if isinstance(contact, (str, bytes, bytearray)) else json.dumps(contact)
        return json.loads(self.decide_json(text, explain))

    def explanation_dictionary(self):
        """The dictionary a compact explanation refers to, as a dict (what `frontdoor
        explain-dictionary` prints): entries[K] holds the members "$ref": K stands for."""
        return json.loads(self._impl.explanation_dictionary())

    def expand_explanation(self, decision):
        """A decision this pack made (its JSON text), with a compact explanation written in full:
        the bytes decide_json(..., explain=True) gives. Raises ValueError when the decision is not
        one of this pack's."""
        text = decision.decode() if isinstance(decision, (bytes, bytearray)) else decision
        return self._impl.expand_explanation(text)

    def schema(self):
        """The JSON Schema (2020-12) of the pack's declared input, as a dict."""
        return json.loads(self._impl.input_schema())

    @staticmethod
    def check(directory):
        """The same as frontdoor.check(directory)."""
        return check(directory)

    def __reduce__(self):
        return (_restore, (self._label, self.files(), self.digest))

    def __repr__(self):
        return f"<frontdoor.Pack {self.name} version {self.version} {self.digest}>"


def check(directory):
    """Every diagnostic (errors and warnings, sorted by position) of the pack in `directory`; an
    empty list for a clean pack. Never raises for a broken pack."""
    return _frontdoor.load_directory(str(directory))[1]


def refusal_json(line, refused):
    """The line `frontdoor eval --jsonl` prints for a Refused contact on input line `line`."""
    return _frontdoor.refusal_json(line, refused.path, refused.message)


def engine_version():
    """The engine's version, as recorded with every decision in a log."""
    return _frontdoor.engine_version()
