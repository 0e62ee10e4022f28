"""Reference weights for HierarchicalRiskParityTest: PyPortfolioOpt's HRPOpt algorithm written
out with scipy 1.10 (linkage, to_tree().pre_order()) and numpy (Debian python3)."""
import numpy as np
import scipy.cluster.hierarchy as sch
import scipy.spatial.distance as ssd

def hrp(cov, method):
    sd = np.sqrt(np.diag(cov))
    corr = cov / np.outer(sd, sd)
    dist = np.sqrt(np.clip((1.0 - corr) / 2.0, 0.0, 1.0))
    link = sch.linkage(ssd.squareform(dist, checks=False), method)
    order = sch.to_tree(link, rd=False).pre_order()
    w = np.ones(len(cov))
    items = [order]
    while items:
        items = [c[j:k] for c in items for j, k in ((0, len(c) // 2), (len(c) // 2, len(c))) if len(c) > 1]
        for i in range(0, len(items), 2):
            a, b = items[i], items[i + 1]
            def var(c):
                sub = cov[np.ix_(c, c)]
                ivp = 1 / np.diag(sub); ivp /= ivp.sum()
                return ivp @ sub @ ivp
            va, vb = var(a), var(b)
            alpha = 1 - va / (va + vb)
            w[a] *= alpha
            w[b] *= 1 - alpha
    return order, w

# Returns defined by a formula, reproduced in the Java test: 60 periods x 10 assets.
T, N = 60, 10
X = np.array([[0.01 * np.sin(0.7 * t + 1.3 * i) + 0.004 * np.cos(0.31 * t * (i + 1)) + 0.002 * np.sin(0.05 * t * t + i)
               for i in range(N)] for t in range(T)])
cov = np.cov(X, rowvar=False)
for m in ["single", "complete", "average", "ward"]:
    order, w = hrp(cov, m)
    print(m, list(order))
    print("  {" + ", ".join(repr(float(v)) for v in w) + "}")
