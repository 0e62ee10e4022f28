"""Reference values for ExpectedReturnsTest, with pandas 1.5.3 / numpy (Debian python3).

Transcribes PyPortfolioOpt's expected_returns definitions (mean_historical_return with
compounding, arithmetic mean, ema_historical_return, capm_return) in pandas.
"""
import numpy as np
import pandas as pd

prices = pd.DataFrame({
    "A": [100, 101, 99.5, 102, 103.5, 101, 104, 106, 105, 107.5],
    "B": [np.nan, np.nan, 50, 50.5, 49.8, 51, 52.2, 51.7, 53, 54.1],
    "C": [20, 20.4, 20.1, 20.9, 21.3, 20.8, 21.9, 22.4, 22.0, 22.9],
})
F = 252
r = prices.pct_change().iloc[1:]
print("meanHistorical", ((1 + r).prod() ** (F / r.count()) - 1).values.tolist())
print("arithmetic", (r.mean() * F).values.tolist())
print("ema span 4", ((1 + r.ewm(span=4).mean().iloc[-1]) ** F - 1).values.tolist())
mkt = r.mean(axis=1)
df = r.copy(); df["mkt"] = mkt
cov = df.cov()
betas = (cov["mkt"] / cov.loc["mkt", "mkt"]).drop("mkt")
mkt_ret = (1 + mkt).prod() ** (F / mkt.count()) - 1
print("capm rf 0.02", (0.02 + betas * (mkt_ret - 0.02)).values.tolist())
