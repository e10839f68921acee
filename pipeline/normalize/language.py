"""Language names or codes -> ISO 639-1 ("English" -> "en", "Español" -> "es", "eng" -> "en", "en-US" -> "en")."""

import pycountry

from pipeline.normalize.text import clean_text

# Names in the language itself, as edX lists them, which pycountry (English names) does not know.
NATIVE_NAMES = {
    "español": "es",
    "castellano": "es",
    "français": "fr",
    "italiano": "it",
    "português": "pt",
    "deutsch": "de",
    "中文": "zh",
    "普通话": "zh",
    "mandarin": "zh",
    "日本語": "ja",
    "한국어": "ko",
    "русский": "ru",
    "العربية": "ar",
    "اللغة العربية": "ar",
    "हिन्दी": "hi",
    "nederlands": "nl",
    "türkçe": "tr",
    "polski": "pl",
    "svenska": "sv",
    "greek": "el",
}


def normalize_language(value: object) -> str | None:
    text = clean_text(value)
    if text is None:
        return None
    key = text.lower()
    if key in NATIVE_NAMES:
        return NATIVE_NAMES[key]
    # A region-qualified code ("en-US", "pt_BR") is its language.
    code = key.replace("_", "-").split("-")[0]
    language = (
        pycountry.languages.get(alpha_2=code)
        or pycountry.languages.get(alpha_3=code)
        or pycountry.languages.get(bibliographic=code)
        or _by_name(text)
    )
    return getattr(language, "alpha_2", None)


def _by_name(text: str):
    try:
        return pycountry.languages.lookup(text)
    except LookupError:
        return None
