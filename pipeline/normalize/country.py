"""Country names or codes -> ISO 3166-1 alpha-2 ("United Kingdom" -> "GB", "USA" -> "US", "US" -> "US").

pycountry knows official and common names; the aliases below are the ones listings use that it does
not ("UK", "Hong Kong (SAR)" as Mastersportal writes it). "EU" is not a country: None.
"""

import pycountry

from pipeline.normalize.text import clean_text

COUNTRY_ALIASES = {
    "uk": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "great britain": "GB",
    "britain": "GB",
    "usa": "US",
    "u.s.": "US",
    "u.s.a.": "US",
    "united states of america": "US",
    "america": "US",
    "hong kong (sar)": "HK",
    "hong kong sar": "HK",
    "macau": "MO",
    "macao (sar)": "MO",
    "russia": "RU",
    "turkey": "TR",
    "south korea": "KR",
    "korea": "KR",
    "iran": "IR",
    "vietnam": "VN",
    "ivory coast": "CI",
    "czech republic": "CZ",
    "holland": "NL",
    "the netherlands": "NL",
    "uae": "AE",
}


def normalize_country(value: object) -> str | None:
    text = clean_text(value)
    if text is None:
        return None
    key = text.lower()
    if key in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[key]
    try:
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        return None
