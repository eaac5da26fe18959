"""One module per ``studyapp`` subcommand: ``register(subparsers)`` and ``run(args) -> int``."""
