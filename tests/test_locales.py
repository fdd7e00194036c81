"""Both interface languages have every key, with the same placeholders."""

import re
import string

import pytest

from parindex.i18n import LANGUAGES, Translator, messages
from parindex.paths import ROOT


def placeholders(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_keys_and_placeholders():
    vi, en = messages("vi"), messages("en")
    assert sorted(vi) == sorted(en)
    assert {k: placeholders(v) for k, v in vi.items()} == {k: placeholders(v) for k, v in en.items()}


def test_every_key_the_code_uses_exists():
    used = set()
    for path in [ROOT / "dashboard.py", *ROOT.glob("pages/*.py"), *ROOT.glob("parindex/*.py")]:
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z_.]+)["']""", path.read_text(encoding="utf-8")))
    assert used, "the pattern found no keys"
    for lang in LANGUAGES:
        assert used - set(messages(lang)) == set(), lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translator_fills_placeholders(lang):
    t = Translator(lang)
    assert "2021" in t("overview.title", group="X", year=2021)
    assert t("no.such.key") == "no.such.key"  # shown, never a crash; the tests above keep it from happening


@pytest.mark.parametrize("path", sorted((ROOT / "data").glob("*.csv")), ids=lambda p: p.name)
def test_a_vietnamese_note_is_not_the_english_one_copied(path):
    """The data's notes are shown in the reader's language: a Vietnamese page must not show English."""
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if not rows or "note_vi" not in rows[0]:
        return
    copied = [
        (number, row["note_en"])
        for number, row in enumerate(rows, start=2)
        if re.search(r"[A-Za-z]{3}", row["note_en"] or "") and row["note_vi"] == row["note_en"]
    ]
    assert copied == []
