"""Frontdoor from Python: load a rule pack, decide contacts, read diagnostics and refusals.

    import frontdoor
    pack = frontdoor.Pack.load("rules/hackney")
    decision = pack.decide({"contact": ...})          # a dict; frontdoor.Refused if refused
    problems = frontdoor.check("rules/hackney")       # [Diagnostic(severity, file, line, col, ...)]

A Pack is immutable: threads may share one (deciding releases the GIL), and it pickles as its files
and digest, so it travels to worker processes. docs/bindings.md describes the package.
"""
from frontdoor.diagnostics import Diagnostic
from frontdoor.errors import PackError, Refused
from frontdoor.pack import Pack, check, engine_version, refusal_json

__all__ = ["Diagnostic", "Pack", "PackError", "Refused", "check", "engine_version", "refusal_json"]
