"""The reader's viewer, shown at a fixed size with the bundled fonts, for the widget tests."""

from __future__ import annotations

import pytest

from quotebook.ui.fonts import register_fonts
from quotebook.ui.widgets.viewer import Viewer


@pytest.fixture
def viewer(qtbot) -> Viewer:
    register_fonts()
    widget = Viewer()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
