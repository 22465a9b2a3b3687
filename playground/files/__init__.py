"""Files on disk: project files, safe writes, crash recovery, the user data folder, the
error log and the bundled lessons."""
