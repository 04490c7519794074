"""A diagnostic about a rule file, as `frontdoor check` prints it."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Diagnostic:
    """One problem in a pack: `line` and `col` are 1-based (0 when it is about the pack as a
    whole); `rendered` is the compiler-style text with the source line and the caret."""

    severity: str  # "error", "warning" or "note"
    file: str
    line: int
    col: int
    message: str
    rendered: str

    def __str__(self):
        return self.rendered
