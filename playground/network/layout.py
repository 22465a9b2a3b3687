"""Automatic layered layout (top to bottom), as in Keras's plot_model.

Each node's row is its longest distance from an input. An edge that skips rows (a residual
connection) gets invisible waypoints in the rows it crosses; waypoints are placed first,
straight below their source, so the skip runs down a clear lane and the branch it bypasses
is set beside it, and the merge node returns to the lane. Real nodes go to the free spot
nearest the average position of what feeds them. Cheap: MobileNetV2 takes milliseconds.
"""
from __future__ import annotations

from playground.network.graph import Graph

NODE_SPACING_X = 230.0
ROW_SPACING_Y = 120.0

Item = object  # a node id (str) or a waypoint tuple


def layered_positions(graph: Graph) -> dict[str, tuple[float, float]]:
    order = graph.topological_order()
    row: dict[str, int] = {}
    for node in order:
        row[node.id] = 1 + max((row[p] for p in graph.predecessors(node.id)), default=-1)
    rows: dict[int, list[Item]] = {}
    up: dict[Item, list[Item]] = {}
    for node in order:
        rows.setdefault(row[node.id], []).append(node.id)
        up.setdefault(node.id, [])
    for i, edge in enumerate(graph.edges):
        prev: Item = edge.source
        for r in range(row[edge.source] + 1, row[edge.target]):
            waypoint = ("edge", i, r)
            rows.setdefault(r, []).append(waypoint)
            up[waypoint] = [prev]
            prev = waypoint
        up[edge.target].append(prev)

    x: dict[Item, float] = {}
    for r in sorted(rows):
        members = rows[r]
        if r == 0:
            for i, item in enumerate(members):
                x[item] = (i - (len(members) - 1) / 2) * NODE_SPACING_X
            continue
        taken: list[float] = []
        # Waypoints first (they keep skip lanes straight), then nodes in graph order.
        for item in sorted(members, key=lambda m: isinstance(m, str)):
            x[item] = _free_spot(_desired(item, up, x), taken)
            taken.append(x[item])
    return {item: (x[item], row[item] * ROW_SPACING_Y) for item in x if isinstance(item, str)}


def _desired(item: Item, up: dict[Item, list[Item]], x: dict[Item, float]) -> float:
    near = up[item]
    lanes = [n for n in near if not isinstance(n, str)]
    basis = lanes or near  # a merge goes back to the skip lane it closes
    return sum(x[n] for n in basis) / len(basis) if basis else 0.0


def _free_spot(want: float, taken: list[float]) -> float:
    """``want``, or the nearest position at least one spacing from every taken one
    (trying the right side first, so branches hang to the right of their lane)."""
    step = 0
    while True:
        for candidate in ((want,) if step == 0 else (want + step * NODE_SPACING_X,
                                                      want - step * NODE_SPACING_X)):
            if all(abs(candidate - t) >= NODE_SPACING_X - 1e-6 for t in taken):
                return candidate
        step += 1


def auto_layout(graph: Graph) -> None:
    """Move every node to its layered position (emits node_moved for each)."""
    for node_id, pos in layered_positions(graph).items():
        graph.move_node(node_id, pos)
