from pathlib import Path

import pytest

from jixiao.extractor.detect import sniff_file
from jixiao.extractor.errors import ReadError

from conftest import CORPUS


@pytest.mark.parametrize("name,fmt", [
    ("yunnan-2021-resident-pension.pdf", "pdf"),
    ("yunnan-2021-resident-pension-scan.pdf", "pdf"),
    ("yunnan-2021-resident-pension.docx", "docx"),
    ("yunnan-2021-resident-pension.txt", "txt"),
])
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
