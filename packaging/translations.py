"""Keep the translation catalogues in step with the code.

    python packaging/translations.py update    # pyside6-lupdate: new strings from desktop/ into toso_en.ts
    python packaging/translations.py release   # pyside6-lrelease: every .ts into its .qm (committed)
    python packaging/translations.py check     # exit 1 when a string has no translation or a .qm is stale

Vietnamese is the source language of every string (tr("…") holds Vietnamese), so toso_en.ts holds the
English interface. qtbase_vi.ts translates Qt's own texts (dialog buttons, context menus) into Vietnamese;
its entries are written by hand, since Qt ships no Vietnamese catalogue.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
APP_CATALOGUE = TRANSLATIONS / "toso_en.ts"


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"pyside6-{name} not found (it comes with PySide6-Essentials)")
    return found


def sources() -> list[Path]:
    """Every Python file whose strings can reach the screen."""
    return sorted((ROOT / "desktop").rglob("*.py"))


def update(catalogue: Path = APP_CATALOGUE) -> None:
    """Extract the strings of the code into the catalogue, keeping its translations."""
    subprocess.run(
        [
            _tool("lupdate"),
            "-silent",
            "-no-obsolete",
            "-source-language",
            "vi_VN",
            "-target-language",
            "en_GB",
            *map(str, sources()),
            "-ts",
            str(catalogue),
        ],
        check=True,
    )


def release() -> None:
    """Compile every catalogue to the .qm the app loads."""
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def unfinished(catalogue: Path) -> list[tuple[str, str]]:
    """(context, source) of every message that has no finished translation."""
    missing = []
    for context in ET.parse(catalogue).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                continue
            kind = translation.get("type")
            if kind in ("obsolete", "vanished"):
                continue
            # A plural message keeps its forms in <numerusform>; its own text is only the indentation around them.
            forms = [form.text or "" for form in translation.iter("numerusform")]
            text = "".join(forms) if forms else translation.text or ""
            if kind == "unfinished" or not text.strip():
                missing.append((name, message.findtext("source") or ""))
    return missing


def problems() -> list[str]:
    """What stops the catalogues from being complete and current, in words."""
    found = []
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / APP_CATALOGUE.name
        shutil.copy(APP_CATALOGUE, fresh)
        update(fresh)
        found += [f"{APP_CATALOGUE.name}: no translation for [{ctx}] {src!r}" for ctx, src in unfinished(fresh)]
        for ts in sorted(TRANSLATIONS.glob("*.ts")):
            found += [f"{ts.name}: no translation for [{ctx}] {src!r}" for ctx, src in unfinished(ts)]
            compiled = Path(folder) / ts.with_suffix(".qm").name
            subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(compiled)], check=True)
            committed = ts.with_suffix(".qm")
            if not committed.exists() or committed.read_bytes() != compiled.read_bytes():
                found.append(f"{committed.name} is stale: run python packaging/translations.py release")
    return found


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        update()
    elif command == "release":
        release()
    elif command == "check":
        found = problems()
        print("\n".join(found) or "translations complete")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
