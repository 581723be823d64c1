package org.voxproof.http;

/** Base of every checked exception the http module throws. */
public class HttpLayerException extends Exception {
  private static final long serialVersionUID = 1L;

  public HttpLayerException(String message) {
    super(message);
  }

  public HttpLayerException(String message, Throwable cause) {
    super(message, cause);
  }
}
