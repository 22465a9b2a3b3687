"""The graph canvas: a scene that mirrors a :class:`playground.network.graph.Graph`.

Items keep only the id of what they draw and read everything else from the graph and the
latest shape report, so the graph stays the single source of truth.
"""
