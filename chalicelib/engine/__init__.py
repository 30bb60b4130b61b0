"""Pure optimization code: validated input in, SolveOutcome out. No AWS, no Chalice."""
