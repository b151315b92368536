"""The command-line commands, one module per capability.

Each module has ``register(commands)``, which adds its sub-commands to the parser and sets
``run`` on each to the function that carries it out. Those functions parse nothing, import
their services when they run (so ``--help`` and ``--version`` stay quick) and print what they
did. The parser and the error handling are in ``reviewtool.cli``.
"""
