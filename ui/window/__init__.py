"""The main window (ui.window.main_window) and the command groups it owns.

The helpers here see the window only through :class:`ui.window.port.WindowPort`; none of
them imports the window module.
"""
