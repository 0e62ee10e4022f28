"""Independent reference values for SharpeStatisticsTest (numpy + scipy, not Quantfolio code).

Run: /usr/bin/python3 backtest/src/test/python/sharpe_statistics_reference.py
Each printed value is pasted into the test next to a comment naming this script.
Formulas: Bailey & Lopez de Prado (2012) PSR/MinTRL, (2014) expected maximum SR and DSR, with RAW
kurtosis gamma4 as in the papers (the Java API takes excess kurtosis = gamma4 - 3).
"""
import numpy as np
from scipy import integrate, stats
from scipy.stats import norm

G = np.euler_gamma


def psr(sr, sr_star, n, skew, raw_kurt):
    return norm.cdf((sr - sr_star) * np.sqrt(n - 1) / np.sqrt(1 - skew * sr + (raw_kurt - 1) / 4 * sr ** 2))


def min_trl(sr, sr_star, skew, raw_kurt, conf):
    return 1 + (1 - skew * sr + (raw_kurt - 1) / 4 * sr ** 2) * (norm.ppf(conf) / (sr - sr_star)) ** 2


def e_max(n, v):
    return np.sqrt(v) * ((1 - G) * norm.ppf(1 - 1 / n) + G * norm.ppf(1 - 1 / (n * np.e)))


def exact_e_max_normal(n):
    # E[max of n iid N(0,1)] = integral x n phi(x) Phi(x)^(n-1) dx (Tippett 1925), by quadrature
    f = lambda x: x * n * norm.pdf(x) * norm.cdf(x) ** (n - 1)
    return integrate.quad(f, -12, 12, epsabs=1e-14, epsrel=1e-13, limit=200)[0]


# 1. Bailey & Lopez de Prado (2014) numerical example: N = 100 trials, V = 1/2 annualised,
#    SR = 2.5 annualised, 5 years of daily returns (T = 1250 at 250 days a year), skew -3, kurt 10.
sr0 = e_max(100, 0.5 / 250)
print("DSR paper SR0", repr(sr0))
print("DSR paper DSR", repr(psr(2.5 / np.sqrt(250), sr0, 1250, -3, 10)))

# 2. A PSR / MinTRL case with non-normal moments: monthly SR 0.3, SR* 0.1, n 60, skew -0.8, raw kurt 5.
print("PSR nonnormal", repr(psr(0.3, 0.1, 60, -0.8, 5.0)))
print("MinTRL nonnormal 0.95", repr(min_trl(0.3, 0.1, -0.8, 5.0, 0.95)))
print("PSR normal", repr(psr(0.3, 0.1, 60, 0.0, 3.0)))
print("MinTRL normal 0.95", repr(min_trl(0.3, 0.1, 0.0, 3.0, 0.95)))

# 3. Exact expectations of the maximum of N standard normals (Tippett 1925 tables 1.53875,
#    2.50759, 3.24144) against the closed form.
for n in (10, 100, 1000):
    print("E[max] exact", n, repr(exact_e_max_normal(n)), "closed form", repr(e_max(n, 1.0)))

# 4. Return-series versions on a fixed series; skewness/kurtosis bias-corrected as
#    scipy.stats.skew(bias=False) / kurtosis(bias=False) (= Quantfolio Metrics.skewness/kurtosis).
r = np.array([0.012, -0.008, 0.004, 0.015, -0.011, 0.003, -0.005, 0.010, -0.014, 0.006,
              0.002, -0.020, 0.018, 0.007, -0.003, 0.009, -0.006, 0.011, 0.001, 0.004])
sr = r.mean() / r.std(ddof=1)
sk = stats.skew(r, bias=False)
ku = stats.kurtosis(r, bias=False)  # excess
print("series SR", repr(sr), "skew", repr(sk), "excess kurt", repr(ku))
print("series PSR(0)", repr(psr(sr, 0.0, len(r), sk, ku + 3)))
trials = np.array([0.05, -0.12, 0.20, 0.08, -0.03, 0.15, 0.01, -0.07, 0.11, sr])
v = trials.var(ddof=1)
print("series trials V", repr(v), "SR0", repr(e_max(len(trials), v)))
print("series DSR", repr(psr(sr, e_max(len(trials), v), len(r), sk, ku + 3)))
