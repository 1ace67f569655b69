"""What the Wagtail preview shows, in the previewed language; each model's `preview_context`
puts these pieces together.

Works on unsaved instances from the edit form (modelcluster keeps inlines in memory), and shows
translations as written, approved or not: the editor sees what the reviewers will approve.
"""

import languages
from dialogue.projection import MessageText, message_text
from languages import Language

# Content-Security-Policy directives that replace the public ones on previews: the admin frames
# them, the print preview has its own styles and shows the PDF as a data: object.
ADMIN_FRAMED_POLICY = {
    "frame-ancestors": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "object-src": ["data:"],
    "frame-src": ["'self'", "data:"],  # Chromium shows an embedded PDF in a frame of its own
}


def or_source(obj, field: str, language: Language) -> str:
    return obj.text(field, language.code) or obj.source_text(field)


def message(obj, language: Language) -> MessageText:
    """A message in the language when it is translated, else in Swedish, whole."""
    lang = language.code if obj.has_translation(language.code) else languages.SOURCE_LANGUAGE
    return message_text(obj, lambda part, field: part.text(field, lang))
