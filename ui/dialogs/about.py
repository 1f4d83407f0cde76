"""The texts of 帮助 and 关于 (shown in a message box by the window)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from models import APP_NAME, __version__
from models.logs import LOG_NAME
from models.paths import backup_dir, log_dir

HELP_TEXT = (
    "<p>左边是报告的目录，点一项就在中间编辑它，右边是这一部分的写作要点。</p>"
    "<p>编号（一、（一）1.（1）一是）由程序自动生成，不用手打；拖动目录项或按 Alt+↑/↓ 调整顺序："
    "拖到一项的上半或下半部分，放在它前面或后面；拖到标题的正中间，放进它之下。</p>"
    "<p>所有修改随时自动保存；Ctrl+S 保存一个带说明的历史版本，随时可以在“历史版本”中比较和恢复。</p>"
    "<p>常用按键：插入键（Insert）添加同级标题，Ctrl+Shift+N 添加下级标题，Ctrl+Shift+P 添加要点，F2 改标题，"
    "删除键（Delete）删除，Ctrl+Z 撤销，Ctrl+E 导出。</p>"
)


def about_text(library_path: str) -> str:
    """Version, and where the clerk's data lives: library, backups and the log (for support)."""
    rows = (
        ("资料库", library_path),
        ("备份文件夹", str(backup_dir(Path(library_path)))),
        ("日志文件", str(log_dir() / LOG_NAME)),
    )
    places = "".join(f"<p>{name}：{escape(value)}</p>" for name, value in rows)
    return (
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>起草、检查和导出法治政府建设年度报告的离线工具。</p>"
        f"{places}<p>本程序不联网，不收集任何信息。</p>"
    )
