"""The linear-chain decoder of ``benchmarks/decoders.py``, measured and left out: its laws,
so that its figures in the model card measure the idea and not a slip in its arithmetic."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from ..modules import load_file

ROOT = Path(__file__).resolve().parents[2]


decoders = load_file(ROOT / "benchmarks" / "decoders.py", "bench_decoders")

_POSITIVE = st.floats(0.01, 1.0)


def _rows(n: int) -> st.SearchStrategy[np.ndarray]:
    return arrays(np.float64, (n, 4), elements=_POSITIVE).map(
        lambda a: a / a.sum(axis=1, keepdims=True)
    )


@given(st.integers(1, 12).flatmap(_rows), arrays(np.float64, (4, 4), elements=_POSITIVE))
def test_marginals_are_distributions(probs: np.ndarray, counts: np.ndarray) -> None:
    """Every line's marginals are non-negative and sum to 1, whatever the transitions."""
    trans = counts / counts.sum(axis=1, keepdims=True)
    g = decoders.forward_backward(probs, np.full(4, 0.25), trans, np.full(4, 0.25), 1.0)
    assert g.shape == probs.shape
    assert (g >= 0).all()
    np.testing.assert_allclose(g.sum(axis=1), 1.0, atol=1e-12)


@given(st.integers(1, 12).flatmap(_rows), _rows(1))
def test_uniform_transitions_give_back_the_posteriors(probs: np.ndarray, prior: np.ndarray) -> None:
    """With transitions that forget the previous line (every row the prior), the chain's
    marginals are the network's own probabilities."""
    p = prior[0]
    trans = np.tile(p, (4, 1))
    g = decoders.forward_backward(probs, p, trans, p, 1.0)
    np.testing.assert_allclose(g, probs, atol=1e-9)


def test_a_sticky_chain_pulls_a_doubtful_line_toward_its_neighbours() -> None:
    """Between two confident residue lines, a line the network half doubts leans residue."""
    probs = np.array([[0.05, 0, 0, 0.95], [0.5, 0, 0, 0.5], [0.05, 0, 0, 0.95]]) + 1e-3
    probs /= probs.sum(axis=1, keepdims=True)
    trans = np.full((4, 4), 0.1) + np.eye(4) * 0.6
    g = decoders.forward_backward(probs, np.full(4, 0.25), trans, np.full(4, 0.25), 1.0)
    assert g[1, 3] > probs[1, 3]
