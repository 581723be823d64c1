package org.voxproof.http;

import io.vertx.ext.web.handler.BodyHandler;

/**
 * Request bodies with a size cap: a route that reads a body puts {@link #limited} before its
 * handler. A declared {@code Content-Length} over the cap is refused before any byte is read; a
 * chunked body is cut off when it passes the cap. Either way: 413 {@code too_large}.
 */
public final class Bodies {
  /** The cap for JSON requests. */
  public static final long JSON_LIMIT = 64 * 1024;

  private Bodies() {}

  /** A body handler that buffers at most {@code maxBytes} in memory and never writes files. */
  public static BodyHandler limited(long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be >= 1");
    }
    return BodyHandler.create(false).setBodyLimit(maxBytes);
  }
}
