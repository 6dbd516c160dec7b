"""The guided check's paired comparison of right/wrong answers on the same draws, shared by the reference scripts:
each pair stands for `share` different rows (the discordant and concordant counts scaled by it and rounded);
statsmodels' exact McNemar and Newcombe's method 10 interval of after - before; "worse" when the interval is below 0
and p < 0.05, "better" the mirror."""
from statsmodels.stats.contingency_tables import mcnemar

from newcombe import newcombe10


def paired(before, after, label, share):
    b_right, a_right = before == label, after == label
    counts = [int(((b_right == x) & (a_right == y)).sum()) for x, y in ((1, 1), (1, 0), (0, 1), (0, 0))]
    a, b, c, d = (round(k * share) for k in counts)
    low, high = newcombe10(a, b, c, d)
    p = mcnemar([[a, b], [c, d]], exact=True).pvalue
    return {"before": float(b_right.mean()), "after": float(a_right.mean()), "fell": counts[1], "rose": counts[2],
            "low": low, "high": high, "p": float(p), "worse": bool(high < 0 and p < 0.05),
            "better": bool(low > 0 and p < 0.05)}


def outcome(fixes, helps):
    """FIXES when retrained against unchanged is not worse by at least 2 points, else HELPS when retrained against
    changed is better by at least 2 points, else DOES_NOT_HELP."""
    hurt = fixes["worse"] and fixes["before"] - fixes["after"] >= 0.02
    gain = helps["after"] - helps["before"] >= 0.02
    return "FIXES" if not hurt else "HELPS" if gain and helps["better"] else "DOES_NOT_HELP"
