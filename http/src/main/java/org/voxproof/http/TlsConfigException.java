package org.voxproof.http;

/** The TLS certificate or key cannot be used; the message names the file and the problem. */
public class TlsConfigException extends HttpLayerException {
  private static final long serialVersionUID = 1L;

  public TlsConfigException(String message) {
    super(message);
  }

  public TlsConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
