"""The exceptions of the frontdoor package: each carries its facts as attributes."""


class Refused(ValueError):
    """The pack refused a contact: `path` is a JSON pointer to the value at fault ("" for the
    whole document) and `message` says what was expected there."""

    def __init__(self, path, message):
        super().__init__(f"refused at '{path}': {message}")
        self.path = path
        self.message = message

    def __reduce__(self):
        return (Refused, (self.path, self.message))


class PackError(Exception):
    """A pack did not load: `diagnostics` lists every error and warning, sorted by position."""

    def __init__(self, diagnostics):
        errors = sum(1 for d in diagnostics if d.severity == "error")
        text = "\n".join(d.rendered for d in diagnostics)
        super().__init__(f"the rule pack has {errors} error(s)\n{text}")
        self.diagnostics = list(diagnostics)

    def __reduce__(self):
        return (PackError, (self.diagnostics,))
