from pathlib import Path

import pytest

from jixiao.extractor.detect import sniff_file
from jixiao.extractor.errors import ReadError

from conftest import CORPUS


@pytest.mark.parametrize(
    "name,fmt",
    [
        ("yunnan-2021-resident-pension.pdf", "pdf"),
        ("yunnan-2021-resident-pension-scan.pdf", "pdf"),
        ("yunnan-2021-resident-pension.docx", "docx"),
        ("yunnan-2021-resident-pension.txt", "txt"),
    ],
)
def test_format_detected_by_content(name: str, fmt: str) -> None:
    assert sniff_file(CORPUS / name) == fmt


def test_wrong_name_is_detected_by_content(tmp_path: Path) -> None:
    fake = tmp_path / "report.pdf"
    fake.write_bytes((CORPUS / "chenggong-2023-department.docx").read_bytes())
    assert sniff_file(fake) == "docx"


def test_empty_file_is_refused_with_its_name(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(ReadError) as err:
        sniff_file(empty)
    assert str(err.value) == f"{empty}: empty file (0 bytes)"


def test_directory_is_refused(tmp_path: Path) -> None:
    d = tmp_path / "x.pdf"
    d.mkdir()
    with pytest.raises(ReadError, match="directory"):
        sniff_file(d)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text(tmp_path: Path, encoding: str) -> None:
    text = (CORPUS / "dongchuan-2019-poverty-pension.txt").read_text(encoding="utf-8")
    f = tmp_path / "report.txt"
    f.write_bytes(text.encode(encoding))
    assert sniff_file(f) == "txt"


def test_binary_with_nul_bytes_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "blob.txt"
    f.write_bytes(bytes(range(256)) * 16)
    with pytest.raises(ReadError, match="binary"):
        sniff_file(f)


def test_utf16_without_bom_parses_like_utf8(tmp_path: Path) -> None:
    from jixiao import parse

    src = CORPUS / "dongchuan-2019-poverty-pension.txt"
    f = tmp_path / "report.txt"
    f.write_bytes(src.read_text(encoding="utf-8").encode("utf-16-le"))
    assert parse(f).text == parse(src).text
