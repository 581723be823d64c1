package org.voxproof.http.clients;

/** No API client has that id or name. */
public class ClientNotFoundException extends ApiClientException {
  private static final long serialVersionUID = 1L;

  public ClientNotFoundException(String message) {
    super(message);
  }
}
