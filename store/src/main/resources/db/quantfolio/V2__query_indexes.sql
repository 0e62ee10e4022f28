-- Schema version 2: indexes for the date-range and strategy queries (RunQuery.from/to,
-- SweepQuery.strategy) and the saving order of sweeps.
CREATE INDEX backtest_runs_dates ON backtest_runs (start_time, end_time);
CREATE INDEX sweeps_strategy ON sweeps (strategy);
CREATE INDEX sweeps_saved_at ON sweeps (saved_at);
