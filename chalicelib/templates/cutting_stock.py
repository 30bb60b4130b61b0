"""Cutting stock (one dimension).

Cut ordered pieces (lengths of pipe, steel bar, timber, widths of paper or film) from stock
rolls or bars of one standard length, using as few rolls as possible. Each roll is cut by a
pattern: how many pieces of each length it yields.

    minimize    sum_p rolls[p]
    subject to  sum_p count[i][p] * rolls[p] >= quantity[i]     for every piece i
                rolls[p] >= 0 integer,  over all patterns p with
                sum_i (length[i] + kerf) * count[i][p] <= roll_length + kerf

The kerf (material a cut destroys) is charged once per piece, except that the last piece of a
roll needs no cut after it, hence the extra kerf on the right. Lengths may have decimals (up to
6 places; finer lengths are rounded up and the roll down, so every pattern really fits).

Solved by column generation (Gilmore and Gomory, 1961): the LP over the patterns found so far
is solved with GLOP, and its duals price a new pattern in a bounded knapsack (by dynamic
programming over the roll length, or with CP-SAT when the roll is long in the lengths' finest
unit) until no pattern improves the LP. The LP optimum, rounded up, is a lower bound on the
number of rolls; Farley's bound keeps a valid lower bound when the time runs out first. An
integer program over the generated patterns (SCIP, hinted with a greedy plan) then picks how
many rolls to cut with each. The run is "optimal" when that plan meets the lower bound, as it
does on the usual instances (the LP bound of cutting stock is very tight); otherwise it is
"feasible", with the bound and the gap.
"""
from __future__ import annotations

import math
import time

from pydantic import BaseModel, ConfigDict, Field, model_validator

from chalicelib.engine import cpsat, linear
from chalicelib.engine.options import RunOptions
from chalicelib.engine.result import SolveOutcome, relative_gap
from chalicelib.templates.base import Template

MAX_PIECE_TYPES = 500
MAX_QUANTITY = 1_000_000
PRICING_SCALE = 10**7  # duals are multiplied by this for CP-SAT's integer pricing knapsack
MAX_DP_CELLS = 20_000_000  # pricing by dynamic programming while chunks x roll length stays below this
COLUMN_SHARE = 0.4  # column generation on the whole order ends by this share of the time limit
RESIDUAL_SHARE = 0.6  # rounding the LP's plan and repairing it ends by this share
MAX_COLUMNS = 5000


class Piece(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    name: str = Field(min_length=1, max_length=200)
    """Piece name (an order line, a part number), unique within the input."""
    length: float = Field(ge=1e-6, le=1e6)
    """Length (or width) of one piece, in the unit of `roll_length`."""
    quantity: int = Field(ge=1, le=MAX_QUANTITY)
    """How many pieces of this length are needed."""


class CuttingStockInput(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)

    roll_length: float = Field(ge=1e-6, le=1e6)
    """Length (or width) of one stock roll or bar, in any length unit (mm, cm, inches)."""
    kerf: float = Field(default=0.0, ge=0, le=1e4)
    """Material destroyed by each cut (the saw blade's width), in the unit of `roll_length`."""
    pieces: list[Piece] = Field(min_length=1, max_length=MAX_PIECE_TYPES)
    """The pieces to cut, at most 500 distinct ones."""

    @model_validator(mode="after")
    def _check_solvable(self) -> "CuttingStockInput":
        names = [piece.name for piece in self.pieces]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"piece names must be unique; repeated: {', '.join(duplicates[:20])}")
        too_long = [p.name for p in self.pieces if p.length > self.roll_length * (1 + 1e-12)]
        if too_long:
            raise ValueError(f"pieces longer than the roll ({self.roll_length:g}) can never be cut: "
                             + ", ".join(too_long[:20]))
        total = sum(piece.quantity for piece in self.pieces)
        if total > MAX_QUANTITY:
            raise ValueError(f"at most {MAX_QUANTITY:,} pieces in total per run; got {total:,}")
        return self


def solve(data: CuttingStockInput, options: RunOptions) -> SolveOutcome:
    from ortools import __version__

    started = time.perf_counter()
    # Data: integer lengths with the kerf added (pieces rounded up, the roll down).
    pieces = data.pieces
    scale = cpsat.scale_factor([p.length for p in pieces] + [data.roll_length, data.kerf],
                               (data.roll_length + data.kerf) * MAX_QUANTITY)
    roll = max(1, math.floor((data.roll_length + data.kerf) * scale + 1e-9))
    # A piece no longer than the roll always fits alone, even if rounding made it look longer.
    width = [max(1, min(roll, math.ceil((p.length + data.kerf) * scale - 1e-9))) for p in pieces]
    demand = [p.quantity for p in pieces]
    most = [min(d, roll // w) for d, w in zip(demand, width)]  # copies of a piece one roll can take

    # Variables, constraints and objective of the LP over patterns, of the pricing knapsack and
    # of the integer program live in their helpers. First, column generation on the whole order:
    # the lower bound, and the LP's plan.
    greedy = _greedy_plan(width, demand, most, roll)
    lp = _column_generation(width, demand, roll, [pattern for pattern, _ in greedy],
                            started + options.time_limit_s * COLUMN_SHARE, options)
    bound = max(math.ceil(lp["lower_bound"] - 1e-6), math.ceil(sum(w * d for w, d in zip(width, demand)) / roll))
    patterns = lp["patterns"]

    # Solve: cut the LP's plan rounded down, and the rest by a second column generation and integer
    # program on what is left (the LP's bound is tight, so this usually meets it) ...
    plan = greedy
    rounded, extra = _round_down_and_repair(lp, width, demand, roll, started + options.time_limit_s * RESIDUAL_SHARE,
                                            options)
    if _rolls(rounded) < _rolls(plan):
        plan = rounded
    known = set(patterns)
    patterns += [pattern for pattern in extra if pattern not in known]
    # ... and if that leaves a gap, an integer program over every pattern, from the best plan so far.
    remaining = options.time_limit_s - (time.perf_counter() - started)
    if _rolls(plan) > bound and remaining > 0.05:
        better = _integer_master(patterns, demand, plan, bound,
                                 options.model_copy(update={"time_limit_s": remaining, "num_workers": None}))
        if _rolls(better) < _rolls(plan):
            plan = better
    plan = _trim_surplus(plan, demand)
    rolls = _rolls(plan)
    status = "optimal" if rolls <= bound else "feasible"
    solve_time_ms = int((time.perf_counter() - started) * 1000)

    # Readable output: each pattern with its pieces and waste, then what each piece got.
    cuts = []
    for pattern, count in sorted(plan, key=lambda entry: -entry[1]):
        used = sum(pieces[i].length * k for i, k in enumerate(pattern)) + data.kerf * max(sum(pattern) - 1, 0)
        cuts.append({"rolls": count,
                     "pieces": [{"piece": pieces[i].name, "count": k, "length": pieces[i].length}
                                for i, k in enumerate(pattern) if k],
                     "used_length": round(used, 9), "waste_per_roll": round(data.roll_length - used, 9)})
    produced = [sum(pattern[i] * count for pattern, count in plan) for i in range(len(pieces))]
    material = sum(p.length * p.quantity for p in pieces)
    return SolveOutcome(
        status=status, objective_value=float(rolls), best_bound=float(bound),
        gap=relative_gap(float(rolls), float(bound)),
        solver=f"Column generation: GLOP + SCIP (OR-Tools {__version__})", solve_time_ms=solve_time_ms,
        solution={
            "rolls_used": rolls,
            "lower_bound": bound,
            "lp_bound": round(lp["lp_value"], 6) if lp["converged"] else None,
            "patterns": cuts,
            "pieces": [{"piece": p.name, "ordered": p.quantity, "cut": produced[i]} for i, p in enumerate(pieces)],
            "total_waste": round(rolls * data.roll_length - material, 9),
            "utilization": round(material / (rolls * data.roll_length), 6),
            "patterns_generated": len(patterns),
        },
        message=_MESSAGES.get(status) if status != "feasible" or lp["converged"] else _MESSAGES["time"],
    )


def _rolls(plan) -> int:
    return sum(count for _, count in plan)


def _column_generation(width, demand, roll, seeds, deadline, options) -> dict:
    """Grow the LP over patterns until no pattern improves it or the deadline passes.

    Returns the patterns, the LP's value and plan (rolls per pattern), a valid lower bound on
    the LP (Farley's: duals over the best pattern's value), and whether the LP converged.
    """
    most = [min(d, roll // w) for d, w in zip(demand, width)]
    patterns = sorted({tuple(min(k, m) for k, m in zip(seed, most)) for seed in seeds}
                      | {_single(i, most[i], len(width)) for i in range(len(width))})
    patterns = [pattern for pattern in patterns if any(pattern)]
    master = _MasterLP(demand)
    for pattern in patterns:
        master.add(pattern)
    known = set(patterns)
    lower_bound, converged = 0.0, False
    while True:
        lp_value, duals = master.solve()
        if time.perf_counter() > deadline or len(patterns) >= MAX_COLUMNS:
            break
        pattern, value, best_price = _price(duals, width, most, roll, options)
        # Farley: duals / best_price are feasible for the LP's dual, so they bound it from below.
        lower_bound = max(lower_bound, sum(y * d for y, d in zip(duals, demand)) / max(best_price, 1.0))
        if pattern is None or value <= 1 + 1e-9:
            converged = True  # no pattern improves the LP: lp_value is the LP bound
            break
        if pattern in known:
            break
        patterns.append(pattern)
        known.add(pattern)
        master.add(pattern)
    return {"patterns": patterns, "lp_value": lp_value, "lower_bound": lower_bound, "converged": converged,
            "plan": master.values()}


def _round_down_and_repair(lp, width, demand, roll, deadline, options):
    """Cut each LP pattern as often as the LP says, rounded down; plan what is still missing with a
    column generation and integer program of its own. Returns the plan and the patterns generated."""
    fixed = [(pattern, math.floor(rolls + 1e-9)) for pattern, rolls in zip(lp["patterns"], lp["plan"])
             if rolls >= 1 - 1e-9]
    left = list(demand)
    for pattern, count in fixed:
        left = [max(0, need - k * count) for need, k in zip(left, pattern)]
    if not any(left):
        return fixed, []
    rest = [i for i, need in enumerate(left) if need > 0]

    def widen(short: tuple[int, ...]) -> tuple[int, ...]:
        full = [0] * len(width)
        for i, k in zip(rest, short):
            full[i] = k
        return tuple(full)

    sub_width, sub_demand = [width[i] for i in rest], [left[i] for i in rest]
    sub_most = [min(d, roll // w) for d, w in zip(sub_demand, sub_width)]
    sub_greedy = _greedy_plan(sub_width, sub_demand, sub_most, roll)
    seeds = [tuple(pattern[i] for i in rest) for pattern in lp["patterns"]] + [p for p, _ in sub_greedy]
    sub = _column_generation(sub_width, sub_demand, roll, seeds, deadline, options)
    sub_bound = math.ceil(sub["lower_bound"] - 1e-6)
    remaining = deadline - time.perf_counter()
    plan = sub_greedy
    if _rolls(plan) > sub_bound and remaining > 0.05:
        plan = _integer_master(sub["patterns"], sub_demand, sub_greedy, sub_bound,
                               options.model_copy(update={"time_limit_s": remaining, "relative_gap": None,
                                                          "num_workers": None}))
    return fixed + [(widen(pattern), count) for pattern, count in plan], [widen(p) for p in sub["patterns"]]


def _single(i: int, count: int, size: int) -> tuple[int, ...]:
    return tuple(count if k == i else 0 for k in range(size))


def _greedy_plan(width, demand, most, roll) -> list[tuple[tuple[int, ...], int]]:
    """A quick plan: fill a roll with the longest pieces still needed, repeat it while every piece
    in it is still needed that often, and go on until everything is cut."""
    left = list(demand)
    order = sorted(range(len(width)), key=lambda i: -width[i])
    plan = []
    while any(left):
        room, pattern = roll, [0] * len(width)
        for i in order:
            take = min(left[i], room // width[i], most[i])
            pattern[i] = take
            room -= take * width[i]
        repeat = min(left[i] // k for i, k in enumerate(pattern) if k)
        for i, k in enumerate(pattern):
            left[i] -= k * repeat
        plan.append((tuple(pattern), repeat))
    return plan


class _MasterLP:
    """The LP relaxation over the patterns found so far, grown one column at a time (GLOP)."""

    def __init__(self, demand: list[int]) -> None:
        self.solver = linear.create_solver("GLOP")
        infinity = self.solver.infinity()
        # Constraints: every piece cut often enough (columns are added by `add`).
        self.rows = [self.solver.Constraint(need, infinity, f"demand[{i}]") for i, need in enumerate(demand)]
        # Objective: rolls used.
        self.solver.Objective().SetMinimization()

    def add(self, pattern: tuple[int, ...]) -> None:
        # Variables: rolls cut with this pattern.
        column = self.solver.NumVar(0, self.solver.infinity(), f"rolls[{self.solver.NumVariables()}]")
        for i, count in enumerate(pattern):
            if count:
                self.rows[i].SetCoefficient(column, count)
        self.solver.Objective().SetCoefficient(column, 1)

    def solve(self) -> tuple[float, list[float]]:
        """The LP value and the duals of the demand rows (clipped at 0)."""
        self.solver.Solve()
        return self.solver.Objective().Value(), [max(0.0, row.dual_value()) for row in self.rows]

    def values(self) -> list[float]:
        """Rolls per pattern in the last LP solution, in the order the patterns were added."""
        return [column.solution_value() for column in self.solver.variables()]


def _price(duals, width, most, roll, options) -> tuple[tuple[int, ...] | None, float, float]:
    """Price a pattern: the bounded knapsack max sum_i duals[i] * count[i] within the roll.

    Returns the pattern found, its value and an upper bound on the best value. Dynamic
    programming over the roll length (exact) when that is small enough, else CP-SAT on duals
    scaled to integers: a pattern's true value is then at most (scaled value + pieces in it) /
    PRICING_SCALE, which the bound accounts for.
    """
    useful = [i for i, y in enumerate(duals) if y > 0 and most[i] > 0]
    if not useful:
        return None, 0.0, 0.0
    chunks = [(i, size) for i in useful for size in _binary_split(most[i])]
    if len(chunks) * (roll + 1) <= MAX_DP_CELLS:
        pattern = _knapsack_dp(chunks, duals, width, roll)
    else:
        pattern = _knapsack_cp_sat(useful, duals, width, most, roll, options)
        if pattern is None:
            return None, math.inf, math.inf
        pattern, bound = pattern
        value = sum(duals[i] * k for i, k in enumerate(pattern))
        return pattern, value, bound
    value = sum(duals[i] * k for i, k in enumerate(pattern))
    return pattern, value, value * (1 + 1e-12) + 1e-12


def _binary_split(count: int) -> list[int]:
    """1, 2, 4, ... summing to `count`: any number up to `count` is a sum of some of them."""
    sizes, size = [], 1
    while count > 0:
        sizes.append(min(size, count))
        count -= sizes[-1]
        size *= 2
    return sizes


def _knapsack_dp(chunks, duals, width, roll) -> tuple[int, ...]:
    """0-1 knapsack over the chunks (piece i taken `size` times at once), vectorized over lengths."""
    import numpy as np

    best = np.zeros(roll + 1)  # best[c]: most value within length c
    taken = []
    for i, size in chunks:
        w = width[i] * size
        if w > roll:
            continue
        candidate = best[:-w] + duals[i] * size if w else best + duals[i] * size
        take = np.zeros(roll + 1, dtype=bool)
        take[w:] = candidate > best[w:] + 1e-12
        best = best.copy()
        best[w:] = np.maximum(best[w:], candidate)
        taken.append((i, size, w, take))
    length = roll
    pattern = [0] * len(width)
    for i, size, w, take in reversed(taken):
        if take[length]:
            pattern[i] += size
            length -= w
    return tuple(pattern)


def _knapsack_cp_sat(useful, duals, width, most, roll, options) -> tuple[tuple[int, ...], float] | None:
    """The pricing knapsack on integer-scaled duals; the pattern and a bound on the best true value."""
    from ortools.sat.python import cp_model

    profit = {i: math.floor(duals[i] * PRICING_SCALE) for i in useful}
    model = cp_model.CpModel()
    take = {i: model.new_int_var(0, most[i], f"take[{i}]") for i in useful}
    model.add(sum(width[i] * take[i] for i in useful) <= roll)
    model.maximize(sum(profit[i] * take[i] for i in useful))
    solver = cpsat.create_solver(RunOptions(time_limit_s=max(0.05, min(2.0, options.time_limit_s / 10)),
                                            num_workers=1, seed=options.seed))
    if solver.status_name(solver.solve(model)) not in ("OPTIMAL", "FEASIBLE"):
        return None
    pieces_in_roll = roll // min(width[i] for i in useful)
    pattern = tuple(solver.value(take[i]) if i in take else 0 for i in range(len(width)))
    return pattern, (solver.best_objective_bound + pieces_in_roll) / PRICING_SCALE


def _integer_master(patterns, demand, start, bound, options) -> list[tuple[tuple[int, ...], int]]:
    """The best plan over `patterns` found by SCIP within the time limit, hinted with the plan
    `start` (returned when nothing better is found).

    Callers pass num_workers=None: with several threads SCIP runs in concurrent mode, which in
    OR-Tools 9.15 often stops after the root node ("solving was interrupted").
    """
    solver = linear.create_solver("SCIP")
    most = _rolls(start)
    # Variables: rolls cut with each pattern.
    rolls = [solver.IntVar(0, min(most, max(math.ceil(d / k) for d, k in zip(demand, pattern) if k)),
                           f"rolls[{p}]") for p, pattern in enumerate(patterns)]
    # Constraints: every piece cut often enough; no fewer rolls than the lower bound.
    for i, need in enumerate(demand):
        solver.Add(sum(pattern[i] * rolls[p] for p, pattern in enumerate(patterns) if pattern[i]) >= need)
    solver.Add(sum(rolls) >= bound)
    # Objective: rolls used.
    solver.Minimize(sum(rolls))
    uses: dict[tuple[int, ...], int] = {}
    for pattern, count in start:
        uses[pattern] = uses.get(pattern, 0) + count
    solver.SetHint(rolls, [float(uses.get(pattern, 0)) for pattern in patterns])
    run = linear.solve(solver, options, is_mip=True, backend="SCIP")
    if run["has_solution"] and run["objective_value"] < most - 0.5:
        counts = [round(var.solution_value()) for var in rolls]
        return [(pattern, count) for pattern, count in zip(patterns, counts) if count]
    return list(start)


def _trim_surplus(plan, demand) -> list[tuple[tuple[int, ...], int]]:
    """Drop pieces cut beyond the order from some rolls (they become waste); rolls left empty go."""
    plan = [(list(pattern), count) for pattern, count in plan]
    for i, need in enumerate(demand):
        surplus = sum(pattern[i] * count for pattern, count in plan) - need
        k = 0
        while surplus > 0 and k < len(plan):
            pattern, count = plan[k]
            if pattern[i] == 0 or count == 0:
                k += 1
                continue
            fewer = min(pattern[i], surplus)
            changed = min(count, surplus // fewer)
            trimmed = list(pattern)
            trimmed[i] -= fewer
            plan[k] = (pattern, count - changed)
            plan.append((trimmed, changed))
            surplus -= fewer * changed
            k += 1
    merged: dict[tuple[int, ...], int] = {}
    for pattern, count in plan:
        if count and any(pattern):
            merged[tuple(pattern)] = merged.get(tuple(pattern), 0) + count
    return list(merged.items())


_MESSAGES = {
    "feasible": "The plan is feasible, but it uses more rolls than the proven lower bound; raise time_limit_s "
                "to search longer.",
    "time": "Stopped at the time limit before the pattern search finished: the plan is feasible and the "
            "lower bound is valid but weaker; raise time_limit_s.",
}

TEMPLATE = Template(
    name="cutting_stock",
    display_name="Cutting Stock Optimizer (1-D)",
    description="Cut ordered lengths of pipe, bar, timber or paper from standard stock rolls using as few rolls "
                "as possible, with saw kerf; reports the cutting patterns, how often to cut each and the waste.",
    category="production",
    tags=["cutting stock", "trim loss", "patterns", "column generation", "production", "cp-sat"],
    credits_per_execution=5,
    input_model=CuttingStockInput,
    example_input={
        "roll_length": 6000,
        "kerf": 3,
        "pieces": [
            {"name": "Rafter 2450", "length": 2450, "quantity": 34},
            {"name": "Stud 2400", "length": 2400, "quantity": 52},
            {"name": "Joist 1830", "length": 1830, "quantity": 40},
            {"name": "Nogging 1200", "length": 1200, "quantity": 75},
            {"name": "Brace 900", "length": 900, "quantity": 48},
            {"name": "Block 450", "length": 450, "quantity": 120},
        ],
    },
    solve=solve,
)
