"""Downloads: the data behind the dashboard as files people open in Excel. No Streamlit here."""

from __future__ import annotations

import io
from datetime import datetime, timezone

import pandas as pd


def xlsx(sheets: dict[str, pd.DataFrame], metadata: dict[str, str]) -> bytes:
    """One workbook: a sheet per frame, then a 'metadata' sheet (source, provenance, generated
    at, view link) so a forwarded file still says where its numbers come from."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name[:31], index=False)
        stamped = {**metadata, "generated_at": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}
        pd.DataFrame({"key": list(stamped), "value": list(stamped.values())}).to_excel(
            writer, sheet_name="metadata", index=False)
    return buffer.getvalue()
