"""Everything that imports PySide6. Talks to the library only through models/."""
