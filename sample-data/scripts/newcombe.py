"""Newcombe's (1998) method 10 interval of a paired difference of two shares, shared by the reference scripts."""
import math

from statsmodels.stats.proportion import proportion_confint


def newcombe10(a, b, c, d):
    """Newcombe (1998) method 10 for theta = p2 - p1 with p1 = (a+b)/n before, p2 = (a+c)/n after."""
    n = a + b + c + d
    p1, p2 = (a + b) / n, (a + c) / n
    l1, u1 = proportion_confint(a + b, n, alpha=0.05, method="wilson")
    l2, u2 = proportion_confint(a + c, n, alpha=0.05, method="wilson")
    e, f, g, h = a + b, c + d, a + c, b + d
    if e * f * g * h == 0:
        phi = 0.0
    elif a * d > b * c:
        phi = max(a * d - b * c - n / 2, 0) / math.sqrt(e * f * g * h)
    else:
        phi = (a * d - b * c) / math.sqrt(e * f * g * h)
    theta = p2 - p1
    # For theta' = p1 - p2 the paper gives L = theta' - delta, U = theta' + epsilon; negate.
    delta = math.sqrt((p1 - l1) ** 2 - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2) ** 2)
    epsilon = math.sqrt((u1 - p1) ** 2 - 2 * phi * (u1 - p1) * (p2 - l2) + (p2 - l2) ** 2)
    return theta - epsilon, theta + delta
