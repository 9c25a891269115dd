"""The floor for start-up measurements: an empty `QMainWindow` that reports its first frame.

It prints ``shown at <monotonic seconds> cpu <process seconds>`` on the turn of the event loop
after its first paint, exactly as ``quotebook --exit-after-show`` does, then quits. Used by
`packaging/measure_startup.py` and `tests/benchmarks/bench_startup.py`.
"""

import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def shown() -> None:
    print(f"shown at {time.monotonic():.6f} cpu {time.process_time():.6f}", flush=True)
    app.quit()


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, shown)
        return False


app = QApplication([])
window = QMainWindow()
window.resize(1280, 820)
watch = FirstPaint()
window.installEventFilter(watch)
window.show()
app.exec()
