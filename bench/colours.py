"""Render the reader at 1280x800 in a light and a dark palette, simulate deuteranopia,
protanopia and tritanopia on the rendered screenshots, and measure how far apart the
legend's swatches are (CAM02-UCS) and the contrast of text on every tint.

Prints one JSON line; writes the screenshots (normal and simulated) to ``--out``; exits 1
if two swatches come closer than ``--min`` in any vision or text on a tint falls under 7:1.

    python bench/colours.py --out /tmp/monitor-desk-colours
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import numpy as np
from _colour_math import VISIONS, contrast, dark_palette, legend_swatches, seen
from _common import REPO, report
from colorspacious import cspace_convert

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def to_array(image) -> np.ndarray:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h, stride = image.width(), image.height(), image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), np.uint8, count=stride * h).reshape(h, stride)
    return raw[:, : w * 3].reshape(h, w, 3).copy()


def save(pixels: np.ndarray, path: Path) -> None:
    from PySide6.QtGui import QImage

    h, w, _ = pixels.shape
    data = np.ascontiguousarray(pixels)
    QImage(data.data, w, h, 3 * w, QImage.Format.Format_RGB888).save(str(path))


def simulate(pixels: np.ndarray, vision: str) -> np.ndarray:
    space = VISIONS[vision]
    if space is None:
        return pixels
    flat = pixels.reshape(-1, 3).astype(float) / 255
    out = np.clip(cspace_convert(flat, space, "sRGB1"), 0, 1)
    return np.round(out * 255).astype(np.uint8).reshape(pixels.shape)


def render(theme: str, out: Path, library_path: Path, article_id: int) -> np.ndarray:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from monitor_desk.core.library import Library
    from monitor_desk.ui.main_window import MainWindow
    from monitor_desk.ui.widgets.palette import ENTITY_TINTS

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with Library.open(library_path) as lib:
        settings = QSettings(str(out / f"{theme}.ini"), QSettings.Format.IniFormat)
        window = MainWindow(lib, settings, analyse_missing=False)
        window.resize(1280, 800)
        window.show()
        window.queue.pool.waitForDone(120_000)
        window.open_article(article_id)
        # Every swatch in the legend, not only the types this article has.
        labels = [*ENTITY_TINTS, "CARDINAL"]
        window.reader.legend.set_types(labels, set())
        for _ in range(5):
            app.processEvents()
        pixels = to_array(window.grab().toImage())
        window.close()
        window.deleteLater()
        app.processEvents()
    return pixels


def measure(pixels: np.ndarray, swatches: dict[str, str]) -> dict[str, object]:
    """Each swatch colour found in the screenshot, seen through each simulation."""
    flat = pixels.reshape(-1, 3)
    found: dict[str, np.ndarray] = {}
    counts: dict[str, int] = {}
    for name, hex_color in swatches.items():
        target = np.array([int(hex_color[i : i + 2], 16) for i in (1, 3, 5)])
        where = np.all(flat == target, axis=1)
        counts[name] = int(where.sum())
        if counts[name]:
            found[name] = where
    result: dict[str, object] = {"pixels": counts}
    for vision in VISIONS:
        simulated = simulate(pixels, vision).reshape(-1, 3)
        names = list(found)
        colors = np.array([np.median(simulated[found[n]], axis=0) for n in names])
        pts = seen(colors, "normal")  # already simulated: only convert to CAM02-UCS
        best = (float("inf"), "", "")
        for i in range(len(names)):
            for j in range(i + 1, len(names)):
                d = float(np.linalg.norm(pts[i] - pts[j]))
                if d < best[0]:
                    best = (d, names[i], names[j])
        result[vision] = {"min": round(best[0], 2), "pair": [best[1], best[2]]}
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "md-colours")
    parser.add_argument("--min", type=float, default=5.0, help="least CAM02-UCS distance")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication, QStyleFactory

    from monitor_desk.core.library import Library
    from monitor_desk.ui.widgets.palette import ENTITY_NAMES, HIGHLIGHT_COLORS, entity_tint

    app = QApplication.instance() or QApplication([])
    app.setStyle(QStyleFactory.create("Fusion"))
    light = QPalette(app.palette())
    path = args.out / "library.sqlite"
    path.unlink(missing_ok=True)
    with Library.open(path) as lib:
        samples = sorted((REPO / "resources" / "samples").glob("*.txt"))
        lib.import_paths(samples, analyze=True)
        article_id = lib.articles.ids()[-1]
        article = lib.articles.get(article_id)
        words = [(m.start(), m.end()) for m in __import__("re").finditer(r"\w+", article.text)]
        words = [w for w in words if w[0] > article.body_start + 200]
        for k, color in enumerate(HIGHLIGHT_COLORS.values()):
            a, b = words[k * 9][0], words[k * 9 + 2][1]
            lib.highlights.add(article_id, a, b, [f"colour/{k}"], "", color)

    figures: dict[str, object] = {}
    ok = True
    for theme, palette in (("light", light), ("dark", dark_palette())):
        app.setPalette(palette)
        pixels = render(theme, args.out, path, article_id)
        for vision in VISIONS:
            save(simulate(pixels, vision), args.out / f"{theme}_{vision}.png")
        swatches = legend_swatches(palette)
        got = measure(pixels, swatches)
        text = palette.color(QPalette.ColorRole.Text).name()
        got["min_text_contrast"] = round(
            min(contrast(text, entity_tint(lab, palette).name()) for lab in ENTITY_NAMES), 2
        )
        for vision in VISIONS:
            ok = ok and got[vision]["min"] >= args.min  # type: ignore[index]
        ok = ok and float(got["min_text_contrast"]) >= 7.0  # type: ignore[arg-type]
        figures[theme] = got
    least = min(got[v]["min"] for got in figures.values() for v in VISIONS)  # type: ignore[index]
    contrast_least = min(got["min_text_contrast"] for got in figures.values())  # type: ignore[index]
    report(
        "colours",
        min_distance=least,
        min_text_contrast=contrast_least,
        ok=ok,
        out=str(args.out),
        **figures,
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
