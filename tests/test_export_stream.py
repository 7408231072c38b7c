"""kg.rdf.serialize's streaming pieces: union lines from quads, and the line filter behind Turtle and TriG."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st

from kg.rdf.nquads import graph_of, triple_lines
from kg.rdf.serialize import _PnameFilter, plain_pnames
from kg.rdf.terms import kg_prefixes

G1, G2 = b"<http://g/1>", b"<http://g/2>"
TURTLE = (
    "@prefix sys: <https://w3id.org/kg-rol/id/sys/> .\n"
    "sys:a\\(b\\) a sys:C ;\n"
    '\tsys:p "法治 \\" 政府"@zh , sys:d .\n'
    "sys:e sys:p sys:f .\n"
).encode()


def test_triple_lines_drop_graphs_and_repeats() -> None:
    quads = sorted(
        [
            b'<http://s> <http://p> "o"@zh ' + G1 + b" .\n",
            b'<http://s> <http://p> "o"@zh ' + G2 + b" .\n",
            b'<http://s> <http://p> "o" ' + G1 + b" .\n",
            b"<http://s> <http://q> <http://o> " + G2 + b" .\n",
        ]
    )
    assert [graph_of(q) for q in quads] == [G1, G1, G2, G2]
    assert list(triple_lines(quads)) == [
        b'<http://s> <http://p> "o" .\n',
        b'<http://s> <http://p> "o"@zh .\n',
        b"<http://s> <http://q> <http://o> .\n",
    ]


def _filtered(chunks: list[bytes], spaced: bool) -> bytes:
    out = io.BytesIO()
    with _PnameFilter(out, kg_prefixes(), spaced=spaced) as sink:
        for chunk in chunks:
            sink.write(chunk)
    return out.getvalue()


@given(cuts=st.lists(st.integers(min_value=0, max_value=len(TURTLE)), max_size=8), spaced=st.booleans())
def test_the_filter_does_not_depend_on_how_the_stream_is_cut(cuts: list[int], spaced: bool) -> None:
    bounds = [0, *sorted(cuts), len(TURTLE)]
    chunks = [TURTLE[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    assert _filtered(chunks, spaced) == _filtered([TURTLE], spaced)


def test_the_filter_writes_full_iris_and_spaces_statements() -> None:
    text = _filtered([TURTLE], spaced=True).decode()
    assert text == (
        "@prefix sys: <https://w3id.org/kg-rol/id/sys/> .\n"
        "\n<https://w3id.org/kg-rol/id/sys/a(b)> a sys:C ;\n"
        '\tsys:p "法治 \\" 政府"@zh , sys:d .\n'
        "\nsys:e sys:p sys:f .\n"
    )
    assert text.replace("\n\n", "\n") == plain_pnames(TURTLE.decode(), kg_prefixes())


def _line_by_line(text: bytes, spaced: bool) -> bytes:
    """The filter's rules applied one line at a time: the reference for the block-wise filter."""
    out, closed = [], False
    lines = text.split(b"\n")
    last = lines.pop()
    for i, line in enumerate([*lines, last] if last else lines):
        if b"\\" in line:
            line = plain_pnames(line.decode("utf-8"), kg_prefixes()).encode("utf-8")
        if spaced and closed and not line.startswith((b"\t", b" ", b"@")):
            out.append(b"\n")
        out.append(line + b"\n" if i < len(lines) else line)
        closed = line.rstrip().endswith(b" .")
    return b"".join(out)


turtle_lines = st.lists(
    st.sampled_from(
        [
            b"@prefix sys: <https://w3id.org/kg-rol/id/sys/> .",
            b"sys:a\\(b\\) a sys:C ;",
            b'\tsys:p "x \\" y"@zh , sys:d .',
            b"sys:e sys:p sys:f .",
            b"sys:e sys:p sys:f . ",
            b"\tsys:q sys:r .",
            b" sys:q sys:r ;",
            b"",
            b"sys:g sys:p sys:h ;",
        ]
    ),
    max_size=12,
)


@given(lines=turtle_lines, end=st.booleans(), spaced=st.booleans(), cut=st.integers(min_value=0))
def test_the_block_filter_follows_the_line_rules(
    lines: list[bytes], end: bool, spaced: bool, cut: int
) -> None:
    text = b"\n".join(lines) + (b"\n" if end and lines else b"")
    cut %= len(text) + 1
    assert _filtered([text[:cut], text[cut:]], spaced) == _line_by_line(text, spaced)
