"""Undo commands, one module per thing they change; `base.StoreCommand` is what they share."""
