"""协作 (issue 16) in the window: 分工, 填报文件, 审阅稿, merging returned files and the 批注 panel.

Built on first use (start-up time); everything goes through the session and models.roundtrip.
"""
