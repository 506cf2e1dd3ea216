"""Any editor's text made safe for every feed format.

XML 1.0 forbids most control characters, iCalendar lines end at CR LF, and a title must stay on
one line. These helpers drop what no format can carry and normalise line breaks, so no content,
whatever it contains, can break a feed.
"""

import html as html_module
import re

from django.utils.html import strip_tags
from django.utils.text import normalize_newlines

# Characters XML 1.0 cannot carry (C0 controls but tab/LF/CR, surrogates, U+FFFE/U+FFFF),
# plus C1 controls and DEL, which no reader wants to see.
_UNCARRIABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_SEPARATORS = re.compile("[\u2028\u2029\x85]")
_SPACES = re.compile(r"[ \t]+")


def clean_text(value) -> str:
    """Multi-line plain text: LF line ends, no control characters."""
    text = normalize_newlines(str(value or ""))
    text = _LINE_SEPARATORS.sub("\n", text)
    return _UNCARRIABLE.sub("", text)


def one_line(value) -> str:
    """A title or a place: every run of white space becomes one space."""
    return " ".join(clean_text(value).split())


def html_to_text(html) -> str:
    """Rich text as readable plain text: paragraphs on their own lines, tags and entities gone."""
    text = re.sub(r"(?i)<br\s*/?>|</(p|h[1-6]|li|div|blockquote)>", "\n", str(html or ""))
    text = html_module.unescape(strip_tags(text))
    lines = [_SPACES.sub(" ", line).strip() for line in clean_text(text).split("\n")]
    return "\n".join(line for line in lines if line)
