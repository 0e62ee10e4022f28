"""Reference values for MetricsTest.

Transcribes empyrical's and quantstats' published definitions with numpy/scipy (scipy.stats for
skew, kurtosis, linregress and the normal quantile), independently of the Java code. Run with
Debian's python3 (numpy 1.24, scipy 1.10): python3 metrics_reference.py
"""
import numpy as np
from scipy import stats

R = np.array([0.012, -0.008, 0.004, 0.015, -0.011, 0.003, np.nan, -0.005, 0.010, -0.014,
              0.006, 0.002, -0.020, 0.018, 0.007, -0.003, 0.009, -0.006, 0.011, 0.001])
B = np.array([0.010, -0.006, 0.002, 0.012, -0.009, 0.001, 0.004, -0.007, 0.008, -0.010,
              0.005, 0.000, -0.015, 0.013, 0.006, -0.004, 0.007, -0.002, 0.009, 0.003])
F = 252.0
RF = 0.0001
v = R[~np.isnan(R)]

def p(name, x):
    print(f"{name} = {float(x)!r}")

cum = np.nanprod(1 + R) - 1
p("cumulative", cum)
p("cagr", (1 + cum) ** (F / len(R)) - 1)                    # empyrical: len counts NaN
p("annualVolatility", np.nanstd(R, ddof=1) * np.sqrt(F))
ex = R - RF
p("sharpe", np.nanmean(ex) / np.nanstd(ex, ddof=1) * np.sqrt(F))
dd = np.clip(R - RF, -np.inf, 0)
down = np.sqrt(np.nanmean(dd ** 2)) * np.sqrt(F)
p("downsideRisk", down)
p("sortino", np.nanmean(R - RF) * F / down)
w = np.concatenate([[1.0], np.cumprod(1 + np.nan_to_num(R))])
mdd = np.min(w / np.maximum.accumulate(w) - 1)
p("maxDrawdown", mdd)
p("calmar", ((1 + cum) ** (F / len(R)) - 1) / abs(mdd))
thr = (1 + 0.05) ** (1 / F) - 1
d = R - RF - thr
p("omega", np.sum(d[d > 0]) / -np.sum(d[d < 0]))
p("tail", abs(np.percentile(v, 95)) / abs(np.percentile(v, 5)))
p("varHist", np.percentile(v, 5))
k = int((len(v) - 1) * 0.05)
p("cvarHist", np.mean(np.partition(v, k)[:k + 1]))
m, s = np.mean(v), np.std(v, ddof=1)
z = stats.norm.ppf(0.05)
p("varGauss", m + z * s)
p("cvarGauss", m - s * stats.norm.pdf(z) / 0.05)
S = stats.skew(v, bias=True)
K = stats.kurtosis(v, bias=True)
zcf = z + (z**2 - 1) * S / 6 + (z**3 - 3*z) * K / 24 - (2*z**3 - 5*z) * S**2 / 36
p("varCF", m + zcf * s)
# CF expected shortfall by numerical integration of the CF quantile over (0, 0.05)
from scipy import integrate
def q(u):
    zz = stats.norm.ppf(u)
    return m + s * (zz + (zz**2 - 1) * S / 6 + (zz**3 - 3*zz) * K / 24 - (2*zz**3 - 5*zz) * S**2 / 36)
es, _ = integrate.quad(q, 0, 0.05, limit=200, epsabs=1e-15, epsrel=1e-13)
p("cvarCF", es / 0.05)
p("skew", stats.skew(v, bias=False))
p("kurt", stats.kurtosis(v, bias=False))
both = ~np.isnan(R) & ~np.isnan(B)
r2, b2 = R[both], B[both]
beta = np.cov(r2, b2, ddof=1)[0, 1] / np.var(b2, ddof=1)
p("beta", beta)
a2, ab2 = r2 - RF, b2 - RF
beta_a = np.cov(a2, ab2)[0, 1] / np.var(ab2, ddof=1)
p("alpha", (1 + np.mean(a2 - beta_a * ab2)) ** F - 1)
act = r2 - b2
p("trackingError", np.std(act, ddof=1) * np.sqrt(F))
p("informationRatio", np.mean(act) / np.std(act, ddof=1) * np.sqrt(F))
def ann(x):
    return (np.nanprod(1 + x)) ** (F / len(x)) - 1
up = B > 0
p("upCapture", ann(R[up]) / ann(B[up]))
dn = B < 0
p("downCapture", ann(R[dn]) / ann(B[dn]))
cl = np.cumsum(np.log1p(v))
p("stability", stats.linregress(np.arange(len(cl)), cl)[2] ** 2)
ddser = w[1:] / np.maximum.accumulate(w)[1:] - 1
p("ulcer", np.sqrt(np.mean(ddser ** 2)))
p("winRate", np.sum(v > 0) / np.sum(v != 0))
p("profitFactor", v[v > 0].sum() / abs(v[v < 0].sum()))
payoff = v[v > 0].mean() / abs(v[v < 0].mean())
p("payoff", payoff)
wr = np.sum(v > 0) / np.sum(v != 0)
p("kelly", (payoff * wr - (1 - wr)) / payoff)
# rolling, window 5, on the complete benchmark series
rv = [np.std(B[i-4:i+1], ddof=1) * np.sqrt(F) for i in range(4, len(B))]
p("rollingVol[4]", rv[0]); p("rollingVol[19]", rv[-1])

# ---- Minimum samples and the history (Quantfolio's rules, see docs/risk.md) ----
# Figures annualised by compounding need a history of at least a year: R's 20 periods are a
# year and 8 months at 12 periods a year (MONTHLY), and less than a year at 252 (DAILY: NaN).
FM = 12.0
p("cagrMonthly", (1 + cum) ** (FM / len(R)) - 1)
p("calmarMonthly", ((1 + cum) ** (FM / len(R)) - 1) / abs(mdd))
p("alphaMonthly", (1 + np.mean(a2 - beta_a * ab2)) ** FM - 1)
# Capture ratios over the periods where both series are valid (R's NaN at position 6 falls on
# an up-market period of B: empyrical would count it in R's up-market growth as "no change").
def growth(x, f):
    return np.prod(1 + x) ** (f / len(x)) - 1
upP = both & (B > 0)
dnP = both & (B < 0)
p("upCaptureMonthly", growth(R[upP], FM) / growth(B[upP], FM))
p("downCaptureMonthly", growth(R[dnP], FM) / growth(B[dnP], FM))
# Historical tail quantiles at 95 % need 20 returns: R has 19 valid (NaN), B has 20.
p("varHistB", np.percentile(B, 5))
kb = int((len(B) - 1) * 0.05)
p("cvarHistB", np.mean(np.partition(B, kb)[:kb + 1]))
p("tailB", abs(np.percentile(B, 95)) / abs(np.percentile(B, 5)))
# A late listing: 30 NaN, then R's valid returns (19) padded to 24 monthly periods with B's
# first five; the history is the last 24 periods. Its CAGR over those 24 (not 54):
late = np.concatenate([np.full(30, np.nan), v, B[:5]])
hist = late[30:]
p("lateCagrMonthly", np.prod(1 + hist) ** (FM / len(hist)) - 1)
p("lateUlcer", np.sqrt(np.mean((np.cumprod(1 + hist) / np.maximum.accumulate(
    np.concatenate([[1.0], np.cumprod(1 + hist)]))[1:] - 1) ** 2)))
