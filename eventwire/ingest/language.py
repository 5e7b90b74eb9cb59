"""Language identification of an article's text (py3langid: offline, a few ms per article)."""
from __future__ import annotations

from functools import lru_cache

# Languages the identifier may answer. langid's full set of 97 includes close relatives of big
# news languages (Nigerian Pidgin for English, Galician for Portuguese) that it picks on short
# texts; news comes overwhelmingly in these.
CANDIDATES = ("en", "fr", "ar", "ru", "uk", "es", "pt", "de", "it", "nl", "tr", "fa", "ur", "hi", "bn", "zh",
              "ja", "ko", "id", "ms", "vi", "th", "sw", "ha", "am", "so", "he", "pl", "ro", "el", "sv", "no",
              "da", "fi", "cs", "hu", "sr", "hr", "bg", "ka", "hy", "az", "kk", "uz", "ps", "ta", "my", "tl")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    ident.set_languages([c for c in CANDIDATES if c in ident.nb_classes])
    return ident


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell."""
    sample = text[:5000]
    if sum(c.isalpha() for c in sample) < 20:
        return None
    lang, prob = _identifier().classify(sample)
    return lang if prob >= 0.5 else None
