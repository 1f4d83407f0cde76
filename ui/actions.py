"""The window's actions, shortcuts, menus and toolbar (kept out of ui/window/main_window.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar


def tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


class Actions:
    def __init__(self, window: QMainWindow, undo_stack: QUndoStack) -> None:
        def make(text: str, shortcut: str | QKeySequence.StandardKey | None = None, tip: str = "") -> QAction:
            text, tip = tr(text), tr(tip) if tip else ""
            action = QAction(text, window)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            action.setStatusTip(tip)
            action.setToolTip(
                f"{text}（{action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}）"
                if shortcut is not None
                else text
            )
            return action

        self.new = make("新建", "Ctrl+N", "按模板新建一份报告")
        self.open = make("打开", "Ctrl+O", "回到报告库，打开其他报告")
        self.recent = QMenu(tr("最近打开"), window)
        self.import_ = make("导入…", None, "导入去年的 Word 报告（.docx）、文本（.txt）或年报助手的 .json 文件")
        self.paste_import = make("从剪贴板粘贴导入", None, "导入从政府网站上复制的报告全文")
        self.roll_forward = make("新建下一年度报告…", None, "以一份报告为基础新建下一年度的报告，去年的内容留作参考")
        self.export = make("导出", "Ctrl+E", "导出为 Word 文档")
        self.snapshot = make("保存版本…", "Ctrl+S", "把当前稿保存为一个带说明的历史版本")
        self.revisions = make("历史版本", None, "查看、比较和恢复历史版本")
        self.backup = make("备份资料库", None, "把整个资料库复制一份到备份文件夹")
        self.open_backups = make("打开备份文件夹", None, "在文件管理器中打开备份文件夹")
        self.restore_backup = make("从备份恢复报告…", None, "从备份中取回报告，作为新报告加入资料库（不覆盖现有报告）")
        self.restore_library = make(
            "从备份恢复整个资料库…", None, "用一个备份替换整个资料库（现在的资料库改名保留，不会删除）"
        )
        self.close_report = make("关闭报告", "Ctrl+W", "回到报告库")
        self.quit = make("退出", "Ctrl+Q")
        self.undo = make("撤销", "Ctrl+Z", "撤销上一步对目录或文字的修改")
        self.redo = make("重做", "Ctrl+Y", "重做刚撤销的修改")
        self.redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)
        undo_stack.canUndoChanged.connect(self.undo.setEnabled)
        undo_stack.canRedoChanged.connect(self.redo.setEnabled)
        self.meta = make("报告信息", "Ctrl+I", "编辑标题、主送机关、文号、签发人、日期等")
        self.ledger = make("数据台账", "Ctrl+L", "填写本年、上年的各项数据（行政复议、诉讼、规范性文件…）")
        self.insert_data = make("插入数据…", "Ctrl+Shift+D", "在正文光标处插入数据台账中的数字，台账改动后正文随之更新")
        self.add_sibling = make("添加同级标题", "Insert", "在所选部分之后添加同一级的标题")
        self.add_child = make("添加下级标题", "Ctrl+Shift+N", "在所选标题之下添加下一级标题")
        self.add_point = make("添加要点", "Ctrl+Shift+P", "添加“一是、二是”式的要点")
        self.add_paragraph = make("添加段落", "Ctrl+Shift+G", "添加不编号的段落")
        self.add_table = make("插入表格", "Ctrl+Shift+T", "在所选部分中插入表格（可粘贴 Excel、WPS 表格）")
        self.rename = make("重命名", "F2", "修改所选部分的标题")
        self.delete = make("删除", "Delete", "把所选部分移入回收站（可撤销）")
        self.trash = make("回收站…", None, "恢复以前删除的部分")
        self.move_up = make("上移", "Alt+Up")
        self.move_down = make("下移", "Alt+Down")
        self.outdent = make("升一级", "Alt+Left", "移到上一级，排在原来的上级之后")
        self.indent = make("降一级", "Alt+Right", "移到前一个标题之下，作为它的最后一项")
        self.find = make("查找…", "Ctrl+F", "在各部分的标题、正文和报告信息中查找")
        self.replace = make("替换…", "Ctrl+H", "查找并替换文字（全部替换可一次撤销）")
        self.find_next = make("查找下一个", "F3")
        self.find_previous = make("查找上一个", "Shift+F3")
        self.full_text = make("全文", None, "按导出的样子从头到尾阅读全文，点击段落转到该部分")
        self.page_view = make("页面", None, "在编辑器旁按打印的样子查看各页，点击一行转到该部分")
        self.page_view.setCheckable(True)
        self.print_ = make("打印…", "Ctrl+P", "按页面视图的排版打印（A4，页码单页在右、双页在左）")
        self.print_preview = make("打印预览", None, "打印前逐页查看")
        self.check = make("检查", "F7", "体检：法定内容、年份、标点、数字和文号")
        self.checklist = make("去年工作安排落实清单", None, "逐条填写去年“下一步工作打算”的落实情况")
        self.assign = make("分工…", None, "指定所选部分由哪个科室填写、何时交回")
        self.assignments = make("分工一览", None, "按科室列出分工和各部分的发出、交回情况")
        self.make_package = make("生成填报文件…", None, "为一个科室生成它负责部分的 Word 填报文件")
        self.import_returned = make(
            "导入填报文件或审阅稿…", None, "比较交回的填报文件或领导修订过的审阅稿，逐处决定是否采用"
        )
        self.export_review = make("导出审阅稿…", None, "导出供领导在 Word 或 WPS 中修订和批注的 .docx")
        self.notes = make("批注", None, "列出审阅稿中的批注，标为已解决")
        self.settings = make("设置…", None, "字号、默认导出版本和字体")
        self.about = make("关于年报助手", None)
        self.help = make("帮助", "F1", "使用说明")
        # Insert/F2/Delete belong to the tree: typing in an editor must never trash a section.
        for action in (self.add_sibling, self.rename, self.delete):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def report_actions(self) -> list[QAction]:
        """Actions that need an open, writable report."""
        return [
            self.export,
            self.snapshot,
            self.revisions,
            self.close_report,
            self.meta,
            self.ledger,
            self.insert_data,
            self.add_sibling,
            self.add_child,
            self.add_point,
            self.add_paragraph,
            self.add_table,
            self.rename,
            self.delete,
            self.move_up,
            self.move_down,
            self.outdent,
            self.indent,
            self.trash,
            self.check,
            self.checklist,
            self.find,
            self.replace,
            self.find_next,
            self.find_previous,
            self.full_text,
            self.page_view,
            self.print_,
            self.print_preview,
            *self.collab_actions(),
        ]

    def collab_actions(self) -> list[QAction]:
        return [self.assign, self.assignments, self.make_package, self.import_returned, self.export_review, self.notes]

    def build_menus(self, window: QMainWindow) -> None:
        bar = window.menuBar()
        file_menu = bar.addMenu(tr("文件(&F)"))
        for item in (
            self.new,
            self.roll_forward,
            self.open,
            self.recent,
            None,
            self.import_,
            self.paste_import,
            self.export,
            self.print_preview,
            self.print_,
            None,
            self.snapshot,
            self.revisions,
            None,
            self.backup,
            self.open_backups,
            self.restore_backup,
            self.restore_library,
            None,
            self.close_report,
            self.quit,
        ):
            _add(file_menu, item)
        edit_menu = bar.addMenu(tr("编辑(&E)"))
        for item in (
            self.undo,
            self.redo,
            None,
            self.meta,
            self.ledger,
            self.insert_data,
            None,
            self.add_sibling,
            self.add_child,
            self.add_point,
            self.add_paragraph,
            self.add_table,
            None,
            self.rename,
            self.delete,
            self.move_up,
            self.move_down,
            self.outdent,
            self.indent,
            None,
            self.trash,
            None,
            self.find,
            self.replace,
            self.find_next,
            self.find_previous,
        ):
            _add(edit_menu, item)
        view_menu = bar.addMenu(tr("视图(&V)"))
        for item in (self.page_view, self.full_text):
            _add(view_menu, item)
        tools_menu = bar.addMenu(tr("工具(&T)"))
        for item in (self.check, self.checklist, None, self.settings):
            _add(tools_menu, item)
        collab_menu = bar.addMenu(tr("协作(&C)"))
        for item in (
            self.assign,
            self.assignments,
            None,
            self.make_package,
            self.export_review,
            None,
            self.import_returned,
            self.notes,
        ):
            _add(collab_menu, item)
        help_menu = bar.addMenu(tr("帮助(&H)"))
        for item in (self.help, self.about):
            _add(help_menu, item)

    def build_toolbar(self, window: QMainWindow) -> QToolBar:
        toolbar = QToolBar(tr("工具栏"), window)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for item in (
            self.new,
            self.open,
            self.import_,
            self.export,
            None,
            self.undo,
            self.redo,
            None,
            self.check,
            self.revisions,
            self.settings,
            self.help,
        ):
            if item is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(item)
        window.addToolBar(toolbar)
        return toolbar


def _add(menu: QMenu, item: QAction | QMenu | None) -> None:
    if item is None:
        menu.addSeparator()
    elif isinstance(item, QMenu):
        menu.addMenu(item)
    else:
        menu.addAction(item)
