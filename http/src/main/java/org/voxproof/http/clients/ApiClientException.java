package org.voxproof.http.clients;

import org.voxproof.http.HttpLayerException;

/** A request about API clients that cannot be done as asked (bad name, name taken, revoked). */
public class ApiClientException extends HttpLayerException {
  private static final long serialVersionUID = 1L;

  public ApiClientException(String message) {
    super(message);
  }

  public ApiClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
