"""The command line (`python -m playground ...`): check, import, export, train, presets."""
