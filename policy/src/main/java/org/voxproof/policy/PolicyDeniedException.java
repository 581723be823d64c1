package org.voxproof.policy;

/** Thrown by {@link Decision#requireAllowed()}: carries the refusal and its reasons. */
public class PolicyDeniedException extends PolicyException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // records are not serialized here
  private final Decision decision;

  public PolicyDeniedException(Decision decision) {
    super("refused: " + String.join(", ", decision.reasonCodes()));
    this.decision = decision;
  }

  public Decision decision() {
    return decision;
  }
}
