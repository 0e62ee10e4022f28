"""Reference values for HierarchicalRiskParityTest (numpy 2.4 / scipy 1.17, Debian python3).

Transcribes PyPortfolioOpt's HRPOpt.optimize (correlation distance sqrt((1 - rho) / 2) clipped
to [0, 1], scipy linkage on squareform(dist), quasi-diagonal order from to_tree().pre_order(),
level-by-level recursive bisection with inverse-variance cluster variances) with numpy only.
"""
import numpy as np
import scipy.cluster.hierarchy as sch
import scipy.spatial.distance as ssd

# An 8-asset three-factor covariance (numpy default_rng(1), rounded to 6 decimals) on which
# the linkages give three different orders.
cov = np.array([
    [0.093164, -0.004428, -0.000348, 0.003593, -0.007603, 0.004247, -0.007415, 0.006791],
    [-0.004428, 0.104735, 0.020153, -0.006898, 0.019272, -0.018164, 0.021459, 0.018455],
    [-0.000348, 0.020153, 0.052865, -0.002172, 0.007167, -0.00777, 0.008509, 0.010491],
    [0.003593, -0.006898, -0.002172, 0.028007, -0.00659, 0.002947, -0.005193, 0.001934],
    [-0.007603, 0.019272, 0.007167, -0.00659, 0.031319, -0.009062, 0.013199, 0.000111],
    [0.004247, -0.018164, -0.00777, 0.002947, -0.009062, 0.095054, -0.010616, -0.005269],
    [-0.007415, 0.021459, 0.008509, -0.005193, 0.013199, -0.010616, 0.055476, 0.002771],
    [0.006791, 0.018455, 0.010491, 0.001934, 0.000111, -0.005269, 0.002771, 0.034084],
])


def cluster_var(cov, items):
    c = cov[np.ix_(items, items)]
    ivp = 1 / np.diag(c)
    ivp /= ivp.sum()
    return ivp @ c @ ivp


def hrp(cov, method):
    sd = np.sqrt(np.diag(cov))
    rho = cov / np.outer(sd, sd)
    dist = np.sqrt(np.clip((1.0 - rho) / 2.0, 0.0, 1.0))
    np.fill_diagonal(dist, 0)
    link = sch.linkage(ssd.squareform(dist, checks=False), method)
    order = sch.to_tree(link, rd=False).pre_order()
    w = np.ones(len(order))
    items = [order]
    while items:
        items = [i[j:k] for i in items for j, k in ((0, len(i) // 2), (len(i) // 2, len(i))) if len(i) > 1]
        for a in range(0, len(items), 2):
            v1 = cluster_var(cov, items[a])
            v2 = cluster_var(cov, items[a + 1])
            alpha = 1 - v1 / (v1 + v2)
            w[items[a]] *= alpha
            w[items[a + 1]] *= 1 - alpha
    return order, w


for method in ["single", "complete", "average", "ward"]:
    order, w = hrp(cov, method)
    print(method, "order", list(map(int, order)))
    print(method, "weights", [repr(float(x)) for x in w])
