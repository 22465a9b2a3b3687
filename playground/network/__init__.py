"""The network the user builds: the graph model, the layer catalog, shape inference, and
translation to and from Keras models."""
