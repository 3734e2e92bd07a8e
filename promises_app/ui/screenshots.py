"""Render the main window on the demo data to PNG files (offscreen), for the README and review.

    python -m promises_app.ui.screenshots OUTPUT_FOLDER

"Today" is fixed at 2022-09-01 (just after the demo's second tertial) so the pictures are
reproducible and show the demo's overdue measure.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

SCREEN_SIZE = (1366, 768)
DEMO_TODAY = date(2022, 9, 1)


def render(output: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from promises_app.ui.app import application, install_translators, open_for_desktop
    from promises_app.ui.main_window import MainWindow

    app = application()
    install_translators(app)
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        services = open_for_desktop(Path(folder) / "demo.sqlite", first_run_demo=True)
        window = MainWindow(services, today=lambda: DEMO_TODAY)
        window.resize(*SCREEN_SIZE)
        window.show()
        app.processEvents()
        written = [output / "main-window.png"]
        window.grab().save(str(written[0]))
        window.close()
        services.db.close()
    return written


if __name__ == "__main__":
    for path in render(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(path)
