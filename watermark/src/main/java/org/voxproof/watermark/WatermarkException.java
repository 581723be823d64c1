package org.voxproof.watermark;

/** Base of every error the watermark module throws: bad input (rate, length, payload, key). */
public class WatermarkException extends Exception {
  private static final long serialVersionUID = 1L;

  public WatermarkException(String message) {
    super(message);
  }
}
