"""The round trip (issue 16): 填报文件 for 科室, 审阅稿 for leaders, and merging both back.

- :mod:`.records`: what the library keeps about a file sent out (its areas' text) and 批注;
- :mod:`.anchors`: the hidden bookmark names that tie an area of a .docx to a part;
- :mod:`.parts`: parts by outline position (``2.3`` is （三） under 二、);
- :mod:`.reading`: a returned .docx → the text of each anchored area, tracked changes, comments;
- :mod:`.package`: the 填报文件 for one 科室; :mod:`.review`: the 审阅稿;
- :mod:`.merge`: what a returned file would change, conflicts, and the changes to apply.

Modules import their siblings directly; this package re-exports nothing.
"""
