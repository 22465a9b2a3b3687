"""How fast a large graph file loads (Graph.from_dict): linear in nodes and connections.

Run: .venv/bin/python benchmarks/bench_graph_load.py [--smoke]
The security issue measured 12 s for 20 000 nodes (quadratic: every connection scanned all
the others); the target is under 1 s. --smoke loads 2 000 nodes and checks the result only.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playground.network.graph import Graph  # noqa: E402


def chain_data(n: int) -> dict:
    nodes = [{"id": "n0", "type": "Input", "params": {"batch_shape": [None, 4]}}] + [
        {"id": f"n{i}", "type": "Dense", "params": {"units": 4}, "name": f"d{i}"}
        for i in range(1, n)]
    edges = [{"source": f"n{i - 1}", "target": f"n{i}", "port": 0} for i in range(1, n)]
    return {"name": "big", "nodes": nodes, "edges": edges}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--smoke", action="store_true")
    args = parser.parse_args()
    sizes = [2000] if args.smoke else [5000, 10000, 20000, 40000]
    Graph.from_dict(chain_data(10))  # the catalog loads once
    worst = 0.0
    for n in sizes:
        data = chain_data(n)
        wall, cpu = time.perf_counter(), time.process_time()
        graph = Graph.from_dict(data)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        assert len(graph) == n and len(graph.edges) == n - 1
        print(f"{n:>6} nodes: {wall:.2f} s wall, {cpu:.2f} s CPU")
        if n == 20000:
            worst = cpu
    if not args.smoke:
        verdict = "ok" if worst < 1.0 else "MISSED"
        print(f"TARGET {verdict}: 20 000 nodes load in under 1 s of CPU ({worst:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
