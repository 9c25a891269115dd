"""The Qt side of Quotebook: session, undo commands, item models, widgets and dialogs."""
