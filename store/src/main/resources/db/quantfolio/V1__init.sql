-- Quantfolio results store, schema version 1. The same SQL runs on H2 2.x and PostgreSQL.
-- Metrics that are undefined (NaN in Java) are stored as NULL; JSON columns are plain text.
-- Every child table references its parent with ON DELETE CASCADE: deleting a run deletes it whole.

CREATE TABLE optimizations (
  run_id             VARCHAR(100)     NOT NULL PRIMARY KEY,
  method             VARCHAR(400)     NOT NULL,
  constraints_json   VARCHAR          NOT NULL,
  assets_json        VARCHAR          NOT NULL,
  weights_json       VARCHAR          NOT NULL,
  expected_return    DOUBLE PRECISION,
  volatility         DOUBLE PRECISION,
  sharpe             DOUBLE PRECISION,
  risk_free_rate     DOUBLE PRECISION NOT NULL,
  elapsed_nanos      BIGINT           NOT NULL,
  inputs_fingerprint VARCHAR(128)     NOT NULL,
  saved_at           TIMESTAMP        NOT NULL
);

CREATE TABLE backtest_runs (
  run_id            VARCHAR(100)     NOT NULL PRIMARY KEY,
  kind              VARCHAR(16)      NOT NULL,
  strategy          VARCHAR(400)     NOT NULL,
  parameters_json   VARCHAR          NOT NULL,
  assets_json       VARCHAR          NOT NULL,
  start_time        VARCHAR(40)      NOT NULL,
  end_time          VARCHAR(40)      NOT NULL,
  bars              INTEGER          NOT NULL,
  index_kind        VARCHAR(8)       NOT NULL,
  frequency_json    VARCHAR          NOT NULL,
  config_json       VARCHAR          NOT NULL,
  initial_capital   DOUBLE PRECISION NOT NULL,
  final_equity      DOUBLE PRECISION,
  total_return      DOUBLE PRECISION,
  annual_return     DOUBLE PRECISION,
  volatility        DOUBLE PRECISION,
  sharpe            DOUBLE PRECISION,
  sortino           DOUBLE PRECISION,
  max_drawdown      DOUBLE PRECISION,
  win_rate          DOUBLE PRECISION,
  trades            INTEGER          NOT NULL,
  profitable_trades INTEGER          NOT NULL,
  report_json       VARCHAR,
  saved_at          TIMESTAMP        NOT NULL
);
CREATE INDEX backtest_runs_strategy ON backtest_runs (strategy);
CREATE INDEX backtest_runs_sharpe ON backtest_runs (sharpe);

CREATE TABLE backtest_run_assets (
  run_id VARCHAR(100) NOT NULL REFERENCES backtest_runs (run_id) ON DELETE CASCADE,
  asset  VARCHAR(200) NOT NULL,
  PRIMARY KEY (run_id, asset)
);
CREATE INDEX backtest_run_assets_asset ON backtest_run_assets (asset);

CREATE TABLE backtest_trades (
  run_id          VARCHAR(100)     NOT NULL REFERENCES backtest_runs (run_id) ON DELETE CASCADE,
  seq             INTEGER          NOT NULL,
  asset           VARCHAR(200)     NOT NULL,
  side            INTEGER          NOT NULL,
  entry_bar       INTEGER          NOT NULL,
  exit_bar        INTEGER          NOT NULL,
  entry_time      VARCHAR(40)      NOT NULL,
  exit_time       VARCHAR(40)      NOT NULL,
  quantity        DOUBLE PRECISION,
  entry_price     DOUBLE PRECISION,
  exit_price      DOUBLE PRECISION,
  fees            DOUBLE PRECISION,
  pnl             DOUBLE PRECISION,
  return_fraction DOUBLE PRECISION,
  exit_reason     VARCHAR(32)      NOT NULL,
  PRIMARY KEY (run_id, seq)
);

CREATE TABLE equity_points (
  run_id        VARCHAR(100)     NOT NULL REFERENCES backtest_runs (run_id) ON DELETE CASCADE,
  bar           INTEGER          NOT NULL,
  time_value    BIGINT           NOT NULL,
  time_label    VARCHAR(40)      NOT NULL,
  equity        DOUBLE PRECISION,
  cash          DOUBLE PRECISION,
  period_return DOUBLE PRECISION,
  fees          DOUBLE PRECISION,
  slippage      DOUBLE PRECISION,
  turnover      DOUBLE PRECISION,
  PRIMARY KEY (run_id, bar)
);

CREATE TABLE rebalances (
  run_id       VARCHAR(100) NOT NULL REFERENCES backtest_runs (run_id) ON DELETE CASCADE,
  seq          INTEGER      NOT NULL,
  bar          INTEGER      NOT NULL,
  time_label   VARCHAR(40)  NOT NULL,
  kind         VARCHAR(32)  NOT NULL,
  target_json  VARCHAR,
  failure      VARCHAR,
  fallback     BOOLEAN      NOT NULL,
  PRIMARY KEY (run_id, seq)
);

CREATE TABLE sweeps (
  sweep_id        VARCHAR(100)     NOT NULL PRIMARY KEY,
  strategy        VARCHAR(400)     NOT NULL,
  grid_json       VARCHAR          NOT NULL,
  assets_json     VARCHAR          NOT NULL,
  row_count       INTEGER          NOT NULL,
  deflated_sharpe DOUBLE PRECISION,
  saved_at        TIMESTAMP        NOT NULL
);

CREATE TABLE sweep_rows (
  sweep_id        VARCHAR(100)     NOT NULL REFERENCES sweeps (sweep_id) ON DELETE CASCADE,
  seq             INTEGER          NOT NULL,
  asset           VARCHAR(200)     NOT NULL,
  parameters_json VARCHAR          NOT NULL,
  total_return    DOUBLE PRECISION,
  cagr            DOUBLE PRECISION,
  volatility      DOUBLE PRECISION,
  sharpe          DOUBLE PRECISION,
  sortino         DOUBLE PRECISION,
  max_drawdown    DOUBLE PRECISION,
  calmar          DOUBLE PRECISION,
  trades          INTEGER          NOT NULL,
  win_rate        DOUBLE PRECISION,
  exposure        DOUBLE PRECISION,
  periods         INTEGER          NOT NULL,
  risk_free_rate  DOUBLE PRECISION,
  wiped_out       BOOLEAN          NOT NULL,
  equity_json     VARCHAR,
  PRIMARY KEY (sweep_id, seq)
);
CREATE INDEX sweep_rows_sharpe ON sweep_rows (sharpe);
CREATE INDEX sweep_rows_asset ON sweep_rows (asset);

CREATE TABLE walk_forward_runs (
  run_id          VARCHAR(100)     NOT NULL PRIMARY KEY,
  strategy        VARCHAR(400)     NOT NULL,
  start_time      VARCHAR(40)      NOT NULL,
  end_time        VARCHAR(40)      NOT NULL,
  bars            INTEGER          NOT NULL,
  index_kind      VARCHAR(8)       NOT NULL,
  fold_count      INTEGER          NOT NULL,
  frequency_json  VARCHAR          NOT NULL,
  total_return    DOUBLE PRECISION,
  annual_return   DOUBLE PRECISION,
  volatility      DOUBLE PRECISION,
  sharpe          DOUBLE PRECISION,
  max_drawdown    DOUBLE PRECISION,
  saved_at        TIMESTAMP        NOT NULL
);

CREATE TABLE walk_forward_folds (
  run_id              VARCHAR(100)     NOT NULL REFERENCES walk_forward_runs (run_id) ON DELETE CASCADE,
  seq                 INTEGER          NOT NULL,
  train_start         INTEGER          NOT NULL,
  test_start          INTEGER          NOT NULL,
  test_end            INTEGER          NOT NULL,
  chosen_json         VARCHAR          NOT NULL,
  in_sample_sharpe    DOUBLE PRECISION,
  out_of_sample_sharpe DOUBLE PRECISION,
  in_sample_json      VARCHAR          NOT NULL,
  out_of_sample_json  VARCHAR          NOT NULL,
  PRIMARY KEY (run_id, seq)
);

CREATE TABLE walk_forward_equity (
  run_id     VARCHAR(100)     NOT NULL REFERENCES walk_forward_runs (run_id) ON DELETE CASCADE,
  bar        INTEGER          NOT NULL,
  time_value BIGINT           NOT NULL,
  time_label VARCHAR(40)      NOT NULL,
  equity     DOUBLE PRECISION,
  PRIMARY KEY (run_id, bar)
);

CREATE TABLE decision_batches (
  batch_id VARCHAR(100) NOT NULL PRIMARY KEY,
  records  INTEGER      NOT NULL,
  saved_at TIMESTAMP    NOT NULL
);

CREATE TABLE decision_records (
  batch_id    VARCHAR(100) NOT NULL REFERENCES decision_batches (batch_id) ON DELETE CASCADE,
  seq         INTEGER      NOT NULL,
  pipeline_run VARCHAR(200) NOT NULL,
  as_of       VARCHAR(40)  NOT NULL,
  symbol      VARCHAR(200) NOT NULL,
  outcome     VARCHAR(32)  NOT NULL,
  record_json VARCHAR      NOT NULL,
  PRIMARY KEY (batch_id, seq)
);

CREATE TABLE ledger_batches (
  batch_id  VARCHAR(100) NOT NULL PRIMARY KEY,
  snapshots INTEGER      NOT NULL,
  saved_at  TIMESTAMP    NOT NULL
);

CREATE TABLE ledger_snapshots (
  batch_id      VARCHAR(100)     NOT NULL REFERENCES ledger_batches (batch_id) ON DELETE CASCADE,
  seq           INTEGER          NOT NULL,
  snapshot_time VARCHAR(40)      NOT NULL,
  nav           DOUBLE PRECISION,
  cash          DOUBLE PRECISION,
  total_return  DOUBLE PRECISION,
  snapshot_json VARCHAR          NOT NULL,
  PRIMARY KEY (batch_id, seq)
);
