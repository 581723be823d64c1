package org.voxproof.policy;

/**
 * A policy set or usage-rules document was refused when loaded (syntax, schema type errors, unknown
 * fields, bad values). The message names the problem and where it is.
 */
public class PolicyConfigException extends PolicyException {
  private static final long serialVersionUID = 1L;

  public PolicyConfigException(String message) {
    super(message);
  }

  public PolicyConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
