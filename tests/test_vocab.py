"""kg/vocab.py is generated from the ontology and must not drift from it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location("gen_vocab", ROOT / "scripts" / "gen_vocab.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_vocab_module_matches_the_ontology() -> None:
    expected = _generator().render()
    assert (ROOT / "kg" / "vocab.py").read_text(encoding="utf-8") == expected, (
        "run python scripts/gen_vocab.py"
    )


def test_unknown_terms_fail_loudly() -> None:
    from kg.vocab import ROL

    assert str(ROL.formulates).endswith("#formulates")
    with pytest.raises(AttributeError):
        _ = ROL.formulate
