"""Using what was trained: the data preparation as Keras layers, predictions on raw inputs."""
