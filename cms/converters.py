class LanguageConverter:
    """Matches the shape of a code only; the view answers 404 for codes the registry lacks."""

    regex = r"[a-z]{2,3}(?:-[a-z]{2,4})?"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value if isinstance(value, str) else value.code
