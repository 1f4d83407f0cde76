"""Qt-free core of 年报助手: report model, library store, templates, import/export, checks."""

APP_NAME = "年报助手"
APP_ID = "Nianbao"
__version__ = "0.1.0"
