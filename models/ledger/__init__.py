"""数据台账: the year's figures of a report, defined by data (``resources/ledger/*.toml``).

``definitions`` reads the indicator catalogue, ``formula`` evaluates derived figures safely,
``values`` holds a report's figures (本年, 上年) and parses what a clerk types, ``validate``
computes derived figures, 同比 and the constraint violations, ``extract`` finds figures in a
text. This package imports nothing from ``models.report``: the report holds a ``Ledger``.
"""
