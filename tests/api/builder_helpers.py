"""Canvases for builder tests."""
from __future__ import annotations


def node(node_id: str, kind: str, **data) -> dict:
    return {"id": node_id, "type": kind, "data": data}


def production_canvas(capacity: float = 14) -> dict:
    """max 3x + 4y  s.t.  x + 2y <= capacity,  x - y <= 2,  x, y >= 0 (integers).

    For capacity 14 the optimum is x = 6, y = 4: 34 (vertices of the LP are (0, 7),
    (6, 4), (2, 0); (6, 4) is integral, so the MIP optimum equals the LP's)."""
    return {
        "nodes": [
            node("v1", "variable", name="x", type="integer", upper=100),
            node("v2", "variable", name="y", type="integer", upper=100),
            node("p1", "parameter", name="capacity", value=capacity),
            node("c1", "constraint", name="capacity_limit", expression="x + 2*y <= capacity"),
            node("c2", "constraint", name="spread", expression="x - y <= 2"),
            node("o1", "objective", sense="maximize", expression="3*x + 4*y"),
        ],
        "edges": [{"id": "e1", "source": "v1", "target": "c1"}, {"id": "e2", "source": "v2", "target": "c1"}],
        "viewport": {"x": 0, "y": 0, "zoom": 1},
    }
