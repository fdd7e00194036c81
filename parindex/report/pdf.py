"""A Word file as PDF, converted by LibreOffice headless from Debian (scripts/system-deps.sh):
the same document, laid out by a word processor, fonts embedded. Each conversion runs in its own
scratch profile, so two conversions at once (two readers, or a reader and the tests) never share
LibreOffice's lock on its user folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT_S = 120  # a first start on a busy 2-core machine takes several seconds; a hang must not hold a reader


class ConversionError(RuntimeError):
    pass


def converter() -> str | None:
    """The LibreOffice program, where one is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def available() -> bool:
    return converter() is not None


def convert(docx: bytes) -> bytes:
    program = converter()
    if program is None:
        raise ConversionError("LibreOffice is not installed (scripts/system-deps.sh installs it)")
    with tempfile.TemporaryDirectory(prefix="parindex-report-") as folder:
        work = Path(folder)
        source = work / "report.docx"
        source.write_bytes(docx)
        command = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(work),
            str(source),
        ]
        env = {**os.environ, "HOME": str(work)}  # nothing written to the reader's or the server's home
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, env=env, check=False)
        except subprocess.TimeoutExpired as error:
            raise ConversionError(f"LibreOffice did not finish in {TIMEOUT_S} s") from error
        result = work / "report.pdf"
        if done.returncode != 0 or not result.exists():
            raise ConversionError(f"LibreOffice could not convert the report: {done.stderr.decode(errors='replace')}")
        return result.read_bytes()
