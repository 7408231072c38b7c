"""kg/rdf/vocab.py is generated from the ontology and must not drift from it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_vocab_module_matches_the_ontology(load_script: Callable[[str], ModuleType]) -> None:
    expected = load_script("gen_vocab").render()
    assert (ROOT / "kg" / "rdf" / "vocab.py").read_text(encoding="utf-8") == expected, (
        "run python scripts/gen_vocab.py"
    )


def test_unknown_terms_fail_loudly() -> None:
    from kg.rdf.vocab import ROL

    assert str(ROL.formulates).endswith("#formulates")
    with pytest.raises(AttributeError):
        _ = ROL.formulate
