"""Reference values for CovarianceEstimatorTest.

Independent implementations: scikit-learn 1.2.1 (ledoit_wolf, oas), pandas 1.5.3
(DataFrame.cov pairwise, ewm), and numpy transcriptions of Ledoit & Wolf's MATLAB code
(covMarket.m, covCor.m) in their published matrix form. Run with Debian's python3
(`apt-get install python3-sklearn python3-pandas`): python3 covariance_reference.py
The Java test hard-codes the printed numbers; nothing here runs during the build.
"""
import numpy as np
import pandas as pd
from sklearn.covariance import ledoit_wolf, oas

np.set_printoptions(precision=17)

# 12 periods x 4 assets, hand-typed (same literals as in the Java test).
X = np.array([
    [0.012, -0.004, 0.021, 0.003],
    [-0.008, 0.006, -0.015, 0.001],
    [0.004, 0.011, 0.009, -0.006],
    [0.015, -0.002, 0.018, 0.008],
    [-0.011, -0.009, -0.020, -0.004],
    [0.003, 0.004, 0.006, 0.002],
    [0.007, -0.012, 0.010, 0.005],
    [-0.005, 0.008, -0.007, -0.003],
    [0.010, 0.002, 0.013, 0.007],
    [-0.014, -0.006, -0.019, -0.009],
    [0.006, 0.009, 0.004, 0.001],
    [0.002, -0.001, 0.005, 0.004],
])
F = 252.0
t, n = X.shape


def show(name, m):
    print(name)
    for row in np.atleast_2d(m):
        print("  {" + ", ".join(repr(float(v)) for v in row) + "},")


# Sample covariance, ddof 1
show("sample", np.cov(X, rowvar=False) * F)

# scikit-learn Ledoit-Wolf (constant variance) and OAS
lw, lw_delta = ledoit_wolf(X)
print("lw shrinkage", repr(lw_delta))
show("lw", lw * F)
o, o_delta = oas(X)
print("oas shrinkage", repr(o_delta))
show("oas", o * F)


def cov_market(x):
    """Ledoit & Wolf (2003) covMarket.m, transcribed in matrix form."""
    t, n = x.shape
    x = x - x.mean(axis=0)
    xmkt = x.mean(axis=1).reshape(t, 1)
    sample = np.cov(np.append(x, xmkt, axis=1), rowvar=False) * (t - 1) / t
    covmkt = sample[0:n, n].reshape(n, 1)
    varmkt = sample[n, n]
    sample = sample[:n, :n]
    prior = np.dot(covmkt, covmkt.T) / varmkt
    prior[np.eye(n) == 1] = np.diag(sample)
    c = np.linalg.norm(sample - prior, "fro") ** 2
    y = x ** 2
    p = 1 / t * np.sum(np.dot(y.T, y)) - np.sum(sample ** 2)
    rdiag = 1 / t * np.sum(y ** 2) - sum(np.diag(sample) ** 2)
    z = x * np.tile(xmkt, (n,))
    v1 = 1 / t * np.dot(y.T, z) - np.tile(covmkt, (n,)) * sample
    roff1 = (np.sum(v1 * np.tile(covmkt, (n,)).T) / varmkt
             - np.sum(np.diag(v1) * covmkt.T) / varmkt)
    v3 = 1 / t * np.dot(z.T, z) - varmkt * sample
    roff3 = (np.sum(v3 * np.dot(covmkt, covmkt.T)) / varmkt ** 2
             - np.sum(np.diag(v3).reshape(-1, 1) * covmkt ** 2) / varmkt ** 2)
    roff = 2 * roff1 - roff3
    r = rdiag + roff
    k = (p - r) / c
    delta = max(0, min(1, k / t))
    return delta * prior + (1 - delta) * sample, delta


def cov_cor(x):
    """Ledoit & Wolf (2004) covCor.m, transcribed in matrix form (sample with divisor t)."""
    t, n = x.shape
    x = x - x.mean(axis=0)
    sample = np.dot(x.T, x) / t
    var = np.diag(sample).reshape(-1, 1)
    sqrtvar = np.sqrt(var)
    rbar = (np.sum(sample / np.dot(sqrtvar, sqrtvar.T)) - n) / (n * (n - 1))
    prior = rbar * np.dot(sqrtvar, sqrtvar.T)
    prior[np.eye(n) == 1] = var.reshape(-1)
    y = x ** 2
    phimat = np.dot(y.T, y) / t - 2 * np.dot(x.T, x) * sample / t + sample ** 2
    phi = np.sum(phimat)
    term1 = np.dot((x ** 3).T, x) / t
    help_ = np.dot(x.T, x) / t
    helpdiag = np.diag(help_).reshape(-1, 1)
    term2 = np.tile(helpdiag, (1, n)) * sample
    term3 = help_ * np.tile(var, (1, n))
    term4 = np.tile(var, (1, n)) * sample
    thetamat = term1 - term2 - term3 + term4
    thetamat[np.eye(n) == 1] = 0
    rho = sum(np.diag(phimat)) + rbar * np.sum(np.dot(1 / sqrtvar, sqrtvar.T) * thetamat)
    gamma = np.linalg.norm(sample - prior, "fro") ** 2
    kappa = (phi - rho) / gamma
    delta = max(0, min(1, kappa / t))
    return delta * prior + (1 - delta) * sample, delta


sf, sf_delta = cov_market(X)
print("single factor shrinkage", repr(sf_delta))
show("single factor", sf * F)
cc, cc_delta = cov_cor(X)
print("constant correlation shrinkage", repr(cc_delta))
show("constant correlation", cc * F)

# Ragged copy: asset 1 lists late (first 3 NaN), asset 3 has a gap at period 6.
R = X.copy()
R[0:3, 1] = np.nan
R[6, 3] = np.nan
df = pd.DataFrame(R)
show("pairwise sample", df.cov().values * F)

# PyPortfolioOpt exp_cov: pair centred on own full means, ewm(span).mean().iloc[-1]
def exp_cov(frame, span):
    m = frame.shape[1]
    out = np.zeros((m, m))
    for i in range(m):
        for j in range(m):
            a, b = frame.iloc[:, i], frame.iloc[:, j]
            cv = (a - a.mean()) * (b - b.mean())
            out[i, j] = cv.ewm(span=span).mean().iloc[-1]
    return out * F


show("exp span 5 complete", exp_cov(pd.DataFrame(X), 5))
show("exp span 5 pairwise", exp_cov(df, 5))

# Semicovariance, benchmark 0.001 per period, divided by T
d = np.fmin(X - 0.001, 0)
show("semicovariance", d.T @ d / t * F)
