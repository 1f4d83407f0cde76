"""Everything that imports PySide6. Talks to the library only through models/."""

from ui.bootstrap import pin_singletons

pin_singletons()  # before any Qt call: see its docstring (PySide6 6.12 on Python 3.11)
