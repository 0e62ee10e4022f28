package io.github.quantfolio.risk;

import io.github.quantfolio.core.ReturnFrame;
import io.github.quantfolio.core.internal.Checks;
import java.util.function.Function;

/** A named model whose every matrix is validated by {@link ModelChecks#matrix}. */
final class CheckedCovarianceModel implements CovarianceModel {

  private final String name;
  private final Function<? super ReturnFrame, ? extends CovarianceMatrix> model;

  CheckedCovarianceModel(String name,
      Function<? super ReturnFrame, ? extends CovarianceMatrix> model) {
    this.name = name;
    this.model = model;
  }

  @Override
  public CovarianceMatrix estimate(ReturnFrame returns) {
    Checks.notNull(returns, "returns");
    CovarianceMatrix m;
    try {
      m = model.apply(returns);
    } catch (IllegalArgumentException e) {
      throw ModelChecks.failed(name, returns, e);
    }
    return ModelChecks.matrix(name, returns, m);
  }

  @Override
  public String toString() {
    return name;
  }
}
