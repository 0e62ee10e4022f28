-- Schema version 3: the interest a trade paid in a leveraged account (Trade.financing,
-- MarginTerms in BacktestConfig); trades of earlier versions paid none.
ALTER TABLE backtest_trades ADD COLUMN financing DOUBLE PRECISION DEFAULT 0;
