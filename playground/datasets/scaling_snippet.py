"""Python lines that redo the app's input scaling in an exported script."""
from __future__ import annotations


def scaling_lines(method: str, per_feature: bool = True,
                  known_range: tuple[float, float] | None = None,
                  splits: tuple[str, ...] = ("x_train", "x_test"),
                  fit_on: str = "x_train") -> list[str]:
    """Lines that scale ``splits`` with statistics of ``x_train`` only (as the app does)."""
    if method == "none":
        return []
    axis = "axis=0" if per_feature else "axis=None"
    if method == "unit":
        if known_range is not None:
            low, high = known_range
            fit = [f"offset, scale = {float(low)!r}, {float(high - low)!r}"]
        else:
            fit = [f"offset = {fit_on}.min({axis})",
                   f"scale = {fit_on}.max({axis}) - offset",
                   "scale = np.where(scale > 0, scale, 1.0)"]
        comment = "# Scale inputs to [0, 1] with training-split statistics."
    else:
        fit = [f"offset = {fit_on}.astype(np.float64).mean({axis}).astype(np.float32)",
               f"scale = {fit_on}.astype(np.float64).std({axis}).astype(np.float32)",
               "scale = np.where(scale > 0, scale, 1.0)"]
        comment = "# Standardize inputs with training-split statistics only."
    apply = [f"{s} = ((({s}).astype(np.float32) - offset) / scale).astype(np.float32)"
             for s in splits]
    return [comment, *fit, *apply]
