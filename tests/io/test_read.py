"""Reading report files: what is read, and every way a file is refused, in one line."""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.io.read import DEFAULT_MAX_BYTES, find_inputs, iter_documents, read_document, read_documents

TEXT = "开阳县人民政府关于2021年度法治政府建设工作情况的报告\n县司法局制定《开阳县行政执法公示办法》。\n"


def test_document_id_is_the_file_stem_and_the_hash_is_of_the_bytes(tmp_path: Path) -> None:
    f = tmp_path / "kaiyang-2021.txt"
    f.write_bytes(TEXT.encode("gbk"))
    doc = read_document(f)
    assert (doc.id, doc.text, doc.encoding) == ("kaiyang-2021", TEXT, "gb18030")
    assert doc.sha256 == hashlib.sha256(f.read_bytes()).hexdigest()


def test_folders_give_every_report_below_them_in_order(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    for name in ("a/x.txt", "y.HTML", "z.htm", "w.docx", "v.pdf", "notes.md", "~$w.docx", ".hidden.txt"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_bytes(b"x")
    assert [p.name for p in find_inputs([tmp_path])] == ["v.pdf", "w.docx", "x.txt", "y.HTML", "z.htm"]


def test_a_file_is_taken_whatever_its_suffix(tmp_path: Path) -> None:
    f = tmp_path / "report.md"
    f.write_text(TEXT, encoding="utf-8")
    assert find_inputs([f]) == [f.resolve()]


# ------------------------------------------------------------------ refusals

Make = Callable[[Path], Path]


def _write(name: str, data: bytes) -> Make:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return make


def _folder(folder: Path) -> Path:
    (folder / "reports.txt").mkdir()
    return folder / "reports.txt"


REFUSALS: dict[str, tuple[Make, str]] = {
    "missing": (lambda d: d / "nope.txt", "no such file or folder"),
    "folder": (_folder, "is a folder, not a report file"),
    "empty": (_write("e.txt", b""), r"the file is empty \(no text to read\)"),
    "empty docx": (_write("e.docx", b""), r"the file is empty \(no text to read\)"),
    "empty pdf": (_write("e.pdf", b"\n"), r"the file is empty \(no text to read\)"),
    "blank": (_write("e.txt", b" \r\n\t\n"), "the file is empty"),
    "only a BOM": (_write("e.txt", b"\xef\xbb\xbf"), "the file is empty"),
    "png": (_write("p.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8), "binary data"),
    "control bytes": (_write("c.txt", bytes(range(1, 32)) * 100), "binary data"),
    "undecodable": (_write("u.txt", "报告".encode() + b"\xff\xfe\xfa" * 200), "cannot decode the text"),
    "page without text": (_write("h.html", b"<html><body><script>x()</script></body></html>"), "empty"),
    "word 97": (_write("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600), "Word 97-2003 .doc"),
    "not a docx": (_write("fake.docx", TEXT.encode()), "not a readable Word .docx file"),
    "zip without a body": (_write("z.docx", b"PK\x05\x06" + b"\x00" * 18), "not a readable Word .docx file"),
    "not a pdf": (
        _write("fake.pdf", b"%PDF-1.7\n" + b"garbage" * 50),
        "cannot take the text out of this PDF",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_each_refusal_is_one_line_naming_the_file_and_the_reason(case: str, tmp_path: Path) -> None:
    make, reason = REFUSALS[case]
    path = make(tmp_path)
    with pytest.raises(InputError) as err:
        read_document(path)
    message = str(err.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    assert len(message.split(": ", 1)[1]) > 10
    assert re.search(reason, message)


def test_permission_denied_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "secret.txt"
    f.write_text(TEXT, encoding="utf-8")
    f.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the OS refuse as it would refuse a user

        def refuse(self: Path, *args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied", str(self))

        monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError, match=rf"^{f}: cannot read \(permission denied\)$"):
        read_document(f)


def test_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    with f.open("wb") as out:
        out.truncate(20 * 1024**3)  # a sparse 20 GiB file: reading it would not finish
    with pytest.raises(InputError) as err:
        read_document(f)
    assert str(err.value) == (
        f"{f}: too large (21,474,836,480 bytes, limit 50,000,000); raise it with --max-size"
    )
    assert DEFAULT_MAX_BYTES == 50_000_000


def test_the_limit_can_be_raised_or_lifted(tmp_path: Path) -> None:
    f = tmp_path / "r.txt"
    f.write_text(TEXT * 20, encoding="utf-8")
    size = f.stat().st_size
    with pytest.raises(InputError, match=rf"too large \({size:,} bytes, limit 1,000\)"):
        read_document(f, max_bytes=1000)
    assert read_document(f, max_bytes=size).text == TEXT * 20
    assert read_document(f, max_bytes=None).text == TEXT * 20


def test_a_pipe_longer_than_the_limit_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    r, w = os.pipe()
    writer = threading.Thread(target=lambda: (os.write(w, TEXT.encode() * 40), os.close(w)))
    writer.start()
    try:
        with pytest.raises(InputError, match=r"too large \(more than 1,000 bytes, limit 1,000\)"):
            read_document(f"/dev/fd/{r}", max_bytes=1000)
    finally:
        writer.join()
        os.close(r)


def test_a_file_name_with_a_line_break_stays_on_one_line(tmp_path: Path) -> None:
    f = tmp_path / "bad\nname.txt"
    f.write_bytes(b"")
    with pytest.raises(InputError) as err:
        read_document(f)
    assert "\n" not in str(err.value)
    assert "bad\\nname.txt: the file is empty" in str(err.value)


# ------------------------------------------------------------------ many files


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """Three good reports and three bad files."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    (folder / "c.txt").write_bytes(TEXT.encode("utf-16"))
    (folder / "d.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (folder / "e.html").write_bytes(f"<html><body><p>{TEXT}</p></body></html>".encode("gbk"))
    (folder / "f.txt").write_text(TEXT * 100, encoding="utf-8")
    return folder


def test_iter_documents_reports_bad_files_and_reads_the_others(mixed_folder: Path, tmp_path: Path) -> None:
    errors: list[tuple[str, str]] = []
    docs = list(
        iter_documents(
            [mixed_folder, tmp_path / "missing"],
            max_bytes=2000,
            on_error=lambda p, e: errors.append((p.name, str(e))),
        )
    )
    assert [d.id for d in docs] == ["a", "c", "e"]
    assert [(name, msg.split(": ", 1)[1].split(" (")[0]) for name, msg in errors] == [
        ("missing", "no such file or folder"),
        ("b.txt", "the file is empty"),
        ("d.txt", "binary data, not a text report"),
        ("f.txt", "too large"),
    ]


def test_without_a_callback_the_first_bad_file_stops_the_run(mixed_folder: Path) -> None:
    with pytest.raises(InputError, match=r"b\.txt: the file is empty"):
        list(iter_documents([mixed_folder]))
    with pytest.raises(InputError, match=r"b\.txt: the file is empty"):
        read_documents([mixed_folder])


def test_two_reports_with_one_id_are_refused_or_reported(tmp_path: Path) -> None:
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "same.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(InputError, match="share the id 'same'"):
        read_documents([tmp_path])
    errors: list[str] = []
    docs = list(iter_documents([tmp_path], on_error=lambda p, e: errors.append(str(e))))
    assert [d.path for d in docs] == [str((tmp_path / "a" / "same.txt").resolve())]
    assert len(errors) == 1 and "share the id 'same'" in errors[0]


def test_read_documents_sorts_by_id(tmp_path: Path) -> None:
    for name in ("b.txt", "a.html", "c.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    assert [d.id for d in read_documents([tmp_path])] == ["a", "b", "c"]


def test_missing_path_and_empty_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nope.txt: no such file or folder"):
        find_inputs([tmp_path / "nope.txt"])
    with pytest.raises(
        InputError, match=r"no reports found \(\*\.txt, \*\.html, \*\.htm, \*\.docx, \*\.pdf\)"
    ):
        find_inputs([tmp_path])


@pytest.mark.parametrize("case", ["missing", "empty", "png", "undecodable", "word 97"])
def test_the_readme_shows_the_messages_as_kg_writes_them(case: str, tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    path = REFUSALS[case][0](tmp_path)
    with pytest.raises(InputError) as err:
        read_document(path)
    assert f"`{str(err.value).replace(str(path), 'FILE')}`" in readme


def test_find_inputs_can_report_bad_paths_and_go_on(mixed_folder: Path, tmp_path: Path) -> None:
    (tmp_path / "none").mkdir()
    errors: list[str] = []
    found = find_inputs(
        [tmp_path / "gone.txt", mixed_folder, tmp_path / "none"], on_error=lambda p, e: errors.append(str(e))
    )
    assert [p.name for p in found] == ["a.txt", "b.txt", "c.txt", "d.txt", "e.html", "f.txt"]
    assert [e.split(": ", 1)[1] for e in errors] == [
        "no such file or folder",
        "no reports found (*.txt, *.html, *.htm, *.docx, *.pdf)",
    ]
