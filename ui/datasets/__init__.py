"""Dataset UI: the dataset panel, the CSV and picture-folder import dialogs."""
