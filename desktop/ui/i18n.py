"""Languages of the interface: Vietnamese (the source language of every string) and English.

Every visible string is written in Vietnamese inside tr()/QT_TRANSLATE_NOOP; English comes from
resources/translations/toso_en.qm. Qt's own texts (buttons of standard dialogs, context menus) are
translated to Vietnamese by resources/translations/qtbase_vi.qm, since Qt ships no Vietnamese catalogue.
Record labels from sync.records carry both languages and are picked with label().
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop import paths
from sync.records import Choice, Field, RecordType

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
DEFAULT_LANGUAGE = "vi"
LOCALES = {
    "vi": QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),  # dd/MM/yyyy, like the rest
}

_current = DEFAULT_LANGUAGE
_installed: list[QTranslator] = []


def translations_dir() -> str:
    """Where the .qm catalogues are."""
    return str(paths.resources_dir() / "translations")


def catalogues(language: str) -> list[str]:
    """Base names of the catalogues a language needs, in loading order."""
    return ["toso_en"] if language == "en" else ["qtbase_vi"]


def install(language: str, app: QCoreApplication | None = None) -> list[str]:
    """Switch the interface language: replace the installed translators; returns the catalogues missing."""
    global _current
    app = app or QCoreApplication.instance()
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    if app is None:
        _current = language
        return []
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    missing = []
    for name in catalogues(language):
        translator = QTranslator(app)
        if translator.load(name, translations_dir()):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            missing.append(name)
    QLocale.setDefault(LOCALES[language])
    _current = language
    return missing


def language() -> str:
    """The language in use: "vi" or "en"."""
    return _current


def label(item: Field | Choice | RecordType) -> str:
    """A record label (field, choice or record type) in the language in use."""
    return item.en if _current == "en" else item.vi


def choice_label(field: Field, value: str | None) -> str:
    """The label of a stored choice value in the language in use ("" for none)."""
    return field.choice_label(value, _current) if value else ""


def message(error: object) -> str:
    """An expected failure as the user reads it, in the language in use.

    RecordInvalid lists each field's problem on its own line; StoreError, FieldError and the like carry
    .vi and .en; anything else (a DocumentError: documents are Vietnamese only) is shown as its text.
    """
    problems = getattr(error, "errors", None)
    if isinstance(problems, list) and problems:
        return "\n".join(message(problem) for problem in problems)
    vietnamese, english = getattr(error, "vi", None), getattr(error, "en", None)
    if not isinstance(vietnamese, str):
        return str(error)
    return english if _current == "en" and isinstance(english, str) and english else vietnamese
