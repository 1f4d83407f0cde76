<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own texts that qtbase_zh_CN.qm leaves in English (installed by ui/app.py).
     After editing, rebuild the .qm beside it: pyside6-lrelease qt_extra_zh_CN.ts
     (tests/ui/test_qt_translations.py checks that the two agree). -->
<TS version="2.1" language="zh_CN">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <source>Ins</source>
        <translation>插入键</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>删除键</translation>
    </message>
    <message>
        <source>PgUp</source>
        <translation>上翻页</translation>
    </message>
    <message>
        <source>PgDown</source>
        <translation>下翻页</translation>
    </message>
</context>
</TS>
