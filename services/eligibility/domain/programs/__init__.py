"""One module per program (SPEC §3); each turns the shared facts into a ``ProgramResult``."""
