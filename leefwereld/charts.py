"""Charts for the reports, drawn with matplotlib and embedded as inline SVG (no JavaScript, no CDN).

Each function returns one `<svg>` element as text. The SVG is reproducible (a fixed hash salt and
no creation date), and text stays text (`svg.fonttype: none`), so a report is small and searchable.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display: the charts only go into files

import matplotlib.pyplot as plt

#: Colours of the access classes, the same as the leefwereldtoets' tables.
KLEUREN = {
    "minder_toegang": "#c0392b",
    "andere_route": "#d68910",
    "meer_toegang": "#1e8449",
    "gelijk": "#95a5a6",
}
_PALET = ["#2e86c1", "#d68910", "#1e8449", "#c0392b", "#7d3c98", "#17a589", "#a04000", "#5d6d7e", "#b7950b"]
_STYLE: Any = {"svg.fonttype": "none", "svg.hashsalt": "reikwijdte", "font.size": 9}


def _svg(figure: plt.Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    # Inline in HTML5 an <svg> needs no namespace declarations, and the RDF metadata says nothing
    # to a reader: both are dropped, so the page names no address at all.
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)
    return re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", text)


def gestapelde_balken(
    titel: str, rijen: Sequence[str], reeksen: Mapping[str, Sequence[int]], kleuren: Mapping[str, str] | None = None
) -> str:
    """Horizontal stacked bars: one bar per row (`rijen`), one segment per series."""
    with plt.rc_context(_STYLE):
        figure, axes = plt.subplots(figsize=(8, 0.45 * len(rijen) + 1.4))
        left = [0] * len(rijen)
        for i, (naam, waarden) in enumerate(reeksen.items()):
            colour = (kleuren or {}).get(naam, _PALET[i % len(_PALET)])
            axes.barh(list(rijen), list(waarden), left=left, label=naam, color=colour)
            left = [a + b for a, b in zip(left, waarden, strict=True)]
        axes.invert_yaxis()
        axes.set_title(titel, loc="left")
        axes.set_xlabel("aantal")
        axes.spines[["top", "right"]].set_visible(False)
        if reeksen:
            longest = max(len(n) for n in reeksen)
            columns = 1 if longest > 40 else min(3, len(reeksen))
            axes.legend(loc="upper left", bbox_to_anchor=(0, -0.18), ncol=columns, frameon=False)
        return _svg(figure)


def rond_drempel(titel: str, waarden: Sequence[float], oud: float, nieuw: float, eenheid: str = "") -> str:
    """How many cases sit near a threshold: a histogram of the values around the old and new
    threshold, with both drawn as lines."""
    low, high = sorted((oud, nieuw))
    span = max(high - low, abs(high) * 0.25, 1.0)
    start, end = low - span, high + span
    if low >= 0 and all(v >= 0 for v in waarden):
        start = max(start, 0.0)  # amounts and ages are never negative
    near = [v for v in waarden if start <= v <= end]
    with plt.rc_context(_STYLE):
        figure, axes = plt.subplots(figsize=(8, 2.8))
        axes.hist(near, bins=40, range=(start, end), color="#5d6d7e")
        axes.axvline(oud, color="#7f8c8d", linestyle="--", label=f"oud: {oud:g}{eenheid}")
        axes.axvline(nieuw, color="#c0392b", label=f"nieuw: {nieuw:g}{eenheid}")
        between = sum(1 for v in waarden if low < v <= high)
        axes.set_title(f"{titel} — {between} casussen tussen oud en nieuw", loc="left")
        axes.set_ylabel("casussen")
        axes.spines[["top", "right"]].set_visible(False)
        axes.legend(frameon=False)
        return _svg(figure)
