"""视图 › 页面, 打印 and 打印预览: the typesetter's pages drawn with Qt (built on first use)."""
