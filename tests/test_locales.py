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
