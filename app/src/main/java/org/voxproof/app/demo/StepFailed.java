package org.voxproof.app.demo;

/** A step did not behave as expected; the message is what it got. */
final class StepFailed extends Exception {
  private static final long serialVersionUID = 1L;

  StepFailed(String got) {
    super(got);
  }

  /** Throws unless {@code ok}. */
  static void expect(boolean ok, String got) throws StepFailed {
    if (!ok) {
      throw new StepFailed(got);
    }
  }
}
