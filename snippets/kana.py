"""Japanese readings (よみ): suggested from a name, checked, and put in 五十音 order.

- `suggest(name)`: the reading in hiragana from SudachiPy's packaged dictionary (Apache-2.0),
  for the editor to correct where a place name reads otherwise (尾上町: おのえちょう).
- `validate_reading`: hiragana, the long-vowel mark ー and spaces only.
- `sort_key(reading)`: JIS X 4061 order, as a string of digits so that the database sorts it
  the same under any collation. Readings are compared first with voiced and semi-voiced marks
  and small kana taken away and ー read as the vowel before it (かー = かあ); when that is equal,
  清音 < 濁音 < 半濁音 (はは < ばば < ぱぱ), then small kana < large (しょう < しよう), then a
  vowel < ー (かあ < かー); each level from the first character on (はば < ばは).
- `gojuon_row(reading)`: the row of its first kana, あ か さ た な は ま や ら わ.
"""

import re
import unicodedata
from functools import cache

import jaconv
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from sudachipy import Dictionary, SplitMode

# The 五十音 table by rows: (row name, its kana, the vowel of each kana).
GOJUON = (
    ("あ", "あいうえお", "あいうえお"),
    ("か", "かきくけこ", "あいうえお"),
    ("さ", "さしすせそ", "あいうえお"),
    ("た", "たちつてと", "あいうえお"),
    ("な", "なにぬねの", "あいうえお"),
    ("は", "はひふへほ", "あいうえお"),
    ("ま", "まみむめも", "あいうえお"),
    ("や", "やゆよ", "あうお"),
    ("ら", "らりるれろ", "あいうえお"),
    ("わ", "わゐゑをん", "あいえお"),  # ん has no vowel: ー after it reads as ん
)
TABLE = "".join(kana for _, kana, _ in GOJUON)
ROW_OF = {kana: row for row, kanas, _ in GOJUON for kana in kanas}
# strict=False: ん, the last of わ's row, has no vowel and no entry.
VOWEL_OF = {
    kana: vowel for _, kanas, vowels in GOJUON for kana, vowel in zip(kanas, vowels, strict=False)
}
SMALL = dict(zip("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ", strict=True))
LONG = "ー"
READING = re.compile(r"^[\u3041-\u3096ー\s　]*$")
PRIMARY_BASE = 10  # two digits per kana: 10 …; "00" ends the primary part


def validate_reading(value: str) -> None:
    if not READING.match(value or ""):
        raise ValidationError(
            _("Write the reading in hiragana (ー and spaces allowed), e.g. よこはまさろん.")
        )


def _parts(char: str) -> tuple[str, int, int] | None:
    """(base kana, voicing 0/1/2, size 0 small / 1 large) of one hiragana, or None."""
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    voicing = 1 if "\u3099" in marks else 2 if "\u309a" in marks else 0
    if base in SMALL:
        return SMALL[base], voicing, 0
    if base in ROW_OF:
        return base, voicing, 1
    return None


def sort_key(reading: str) -> str:
    """The JIS X 4061 key of a reading, as digits (see the module docstring)."""
    primary, voicing, size, long = [], [], [], []
    previous = None
    for char in unicodedata.normalize("NFC", reading or ""):
        if char.isspace():
            continue
        if char == LONG:
            base = VOWEL_OF.get(previous, previous) if previous else None
            if base is None:
                continue
            primary.append(base)
            voicing.append(0)
            size.append(1)
            long.append(1)
            continue
        parts = _parts(char)
        if parts is None:
            continue
        base, voiced, large = parts
        primary.append(base)
        voicing.append(voiced)
        size.append(large)
        long.append(0)
        previous = base
    digits = "".join(f"{PRIMARY_BASE + TABLE.index(k):02d}" for k in primary) + "00"
    return digits + "".join(map(str, voicing)) + "".join(map(str, size)) + "".join(map(str, long))


def gojuon_row(reading: str) -> str | None:
    """あ か さ た な は ま や ら わ: the row of the reading's first kana (が is in か)."""
    for char in reading or "":
        parts = _parts(char)
        if parts is not None:
            return ROW_OF[parts[0]]
    return None


@cache
def _tokenizer():
    """SudachiPy's tokenizer, its dictionary loaded once per process, when first needed."""
    return Dictionary(dict="core").tokenizer()


def _hiragana(text: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


SYMBOLS = ("補助記号", "空白")


def _readings(text: str) -> list[str]:
    """The hiragana reading of each word of `text`; symbols, spaces and words the dictionary
    does not know (digits, emoji) are left out."""
    found = []
    for morpheme in _tokenizer().tokenize(text, SplitMode.C):
        if morpheme.part_of_speech()[0] in SYMBOLS or morpheme.is_oov():
            continue
        reading = _hiragana(morpheme.reading_form())
        if READING.match(reading):
            found.append(reading)
    return found


def suggest(name: str) -> str:
    """The name's reading in hiragana, words apart as the name has them apart (a space)."""
    words = ("".join(_readings(chunk)) for chunk in (name or "").split())
    return " ".join(word for word in words if word)[:200]


def romanise(text: str) -> str:
    """ASCII for a file name: Japanese read and written in Hepburn romaji (jaconv, MIT), never
    Chinese pinyin; Latin letters and digits kept; anything else becomes "_".
    「横浜サロン　集合写真2026」 → yokohamasaron_shuugoushashin2026."""
    parts = []
    for piece in re.split(r"([A-Za-z0-9.\-_]+)", unicodedata.normalize("NFKC", text or "")):
        if not piece:
            continue
        if piece.isascii():
            parts.append(piece)
            continue
        words = ["".join(jaconv.kana2alphabet(r) for r in _readings(c)) for c in piece.split()]
        parts.append("_".join(word for word in words if word) or "_")
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", "".join(parts)).strip("_")
    return name or "file"


class ReadingMixin(models.Model):
    """A reading (よみ) for 五十音 order and search; left empty, it is suggested from
    `reading_source` on save."""

    reading_source = "name"

    reading = models.CharField(
        _("reading"),
        max_length=200,
        blank=True,
        validators=[validate_reading],
        help_text=_(
            "In hiragana, for 五十音 order and search; left empty, it is filled in from the name."
        ),
    )
    reading_key = models.CharField(max_length=1000, blank=True, editable=False, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.fill_reading()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "reading" in update_fields:
            kwargs["update_fields"] = {*update_fields, "reading_key"}
        super().save(*args, **kwargs)

    def fill_reading(self):
        if not self.reading:
            self.reading = suggest(getattr(self, self.reading_source))
        self.reading_key = sort_key(self.reading)

    @property
    def gojuon_row(self) -> str | None:
        return gojuon_row(self.reading)
