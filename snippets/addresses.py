"""A Japanese address split the way schema.org's PostalAddress and calendar apps want it:
prefecture (addressRegion), municipality (addressLocality) and the rest (streetAddress).

神奈川県横浜市中区尾上町5-80 → 神奈川県 / 横浜市中区 / 尾上町5-80. A designated city's ward
(横浜市中区) belongs to the locality; a district's town (愛甲郡愛川町) too. An address without a
prefecture takes IGREN_DEFAULT_REGION (神奈川県), since Igren's venues are in Kanagawa.
"""

import re
import unicodedata
from dataclasses import dataclass

from igren_cms.conf import default_region

PREFECTURE = re.compile(r"^(東京都|北海道|(?:京都|大阪)府|.{2,3}?県)")
# 市 with an optional ward, or a district's 町/村, or Tokyo's special wards (区).
LOCALITY = re.compile(r"^(.+?市(?:.+?区)?|.+?郡.+?[町村]|.+?区|.+?[町村](?=\S))")


@dataclass(frozen=True)
class SplitAddress:
    region: str
    locality: str
    street: str


def split_address(address: str) -> SplitAddress:
    text = unicodedata.normalize("NFKC", " ".join((address or "").split()))
    found = PREFECTURE.match(text)
    region = found.group(1) if found else ""
    rest = text[found.end() :] if found else text
    town = LOCALITY.match(rest)
    locality = town.group(1) if town else ""
    street = rest[town.end() :].strip() if town else rest
    if not region and rest:
        region = default_region()
    return SplitAddress(region=region, locality=locality, street=street)
