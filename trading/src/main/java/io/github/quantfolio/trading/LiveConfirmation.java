package io.github.quantfolio.trading;

import io.github.quantfolio.core.internal.Checks;

/**
 * The explicit consent needed to make a {@link AccountMode#LIVE} account active in
 * {@link Accounts}: it names the account (so a confirmation for one live account cannot switch
 * to another) and who gave it (recorded in the audit log).
 *
 * @param accountId the live account being switched to (not blank)
 * @param operator who confirms (not blank), e.g. a user name
 * @since 0.1.0
 */
public record LiveConfirmation(String accountId, String operator) {

  /**
   * Validates the fields (not blank).
   *
   * @param accountId the live account being switched to (not blank)
   * @param operator who confirms (not blank), e.g. a user name
   */
  public LiveConfirmation {
    Checks.notNull(accountId, "accountId");
    Checks.notNull(operator, "operator");
    if (accountId.isBlank() || operator.isBlank()) {
      throw new IllegalArgumentException("A live confirmation must name the account and the"
          + " operator, but found account '" + accountId + "' and operator '" + operator + "'");
    }
  }
}
