"""Writing a project out for use elsewhere: a `.keras` file, a standalone Python program."""
