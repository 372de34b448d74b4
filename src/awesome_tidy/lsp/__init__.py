"""The language server (``awesome-tidy server``): needs the ``lsp`` extra (pygls, lsprotocol).

Nothing outside this package imports it, so that a check never pays for pygls.
"""
