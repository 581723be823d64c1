package org.voxproof.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a service's exceptions become problem responses: each exception type maps to a status, a
 * stable reason and a title. A service registers one map for its exception base and subclasses; the
 * {@link FailureHandler} of its router consults it. The most specific registered type wins.
 *
 * <pre>{@code
 * ProblemMap errors = ProblemMap.builder()
 *     .map(LedgerNotFoundException.class, 404, "not_found", "Not in the ledger")
 *     .overloaded(LedgerOverloadedException.class, "Ledger busy", Duration.ofSeconds(1))
 *     .build();
 * }</pre>
 */
public final class ProblemMap {
  /**
   * One mapping.
   *
   * @param status the HTTP status
   * @param reason the stable reason (last segment of the problem {@code type})
   * @param title a short human title
   * @param showDetail whether the exception message is sent as {@code detail} (only for messages
   *     written for the client: never paths, SQL or secrets)
   * @param retryAfter for 503: how long the client should wait ({@code Retry-After}); else null
   */
  public record Mapping(
      int status, String reason, String title, boolean showDetail, Duration retryAfter) {
    public Mapping {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("a problem status is 4xx or 5xx: " + status);
      }
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(title, "title");
      if (!reason.matches("[a-z][a-z0-9_]{0,63}")) {
        throw new IllegalArgumentException("a reason is a lowercase token: " + reason);
      }
    }
  }

  private static final ProblemMap EMPTY = new ProblemMap(Map.of());

  private final Map<Class<? extends Throwable>, Mapping> mappings;

  private ProblemMap(Map<Class<? extends Throwable>, Mapping> mappings) {
    this.mappings = mappings;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A map with no mappings: every exception is a logged 500. */
  public static ProblemMap empty() {
    return EMPTY;
  }

  /** The mapping of the most specific registered supertype of {@code error}, if any. */
  public Optional<Mapping> find(Throwable error) {
    for (Class<?> c = error.getClass(); c != null; c = c.getSuperclass()) {
      Mapping m = mappings.get(c);
      if (m != null) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** Builds a {@link ProblemMap}. */
  public static final class Builder {
    private final Map<Class<? extends Throwable>, Mapping> mappings = new LinkedHashMap<>();

    private Builder() {}

    /** Maps {@code type} to a client error whose message is sent as {@code detail}. */
    public Builder map(Class<? extends Throwable> type, int status, String reason, String title) {
      return put(type, new Mapping(status, reason, title, true, null));
    }

    /** Maps {@code type} without sending its message (for messages not meant for clients). */
    public Builder mapQuietly(
        Class<? extends Throwable> type, int status, String reason, String title) {
      return put(type, new Mapping(status, reason, title, false, null));
    }

    /**
     * Maps {@code type} to 503 {@code unavailable} with {@code Retry-After}: the service is
     * overloaded or its storage is briefly unavailable, and the client should retry after the
     * pause.
     */
    public Builder overloaded(Class<? extends Throwable> type, String title, Duration retryAfter) {
      if (retryAfter.isNegative() || retryAfter.isZero()) {
        throw new IllegalArgumentException("retryAfter must be positive");
      }
      return put(type, new Mapping(503, "unavailable", title, false, retryAfter));
    }

    /**
     * Maps {@code type} to 503 with its own {@code reason} and {@code Retry-After}: something this
     * service needs is unavailable (another node of a scaled-out deployment, {@code
     * ledger_unavailable}, {@code consent_unavailable}), and the client should retry after the
     * pause.
     */
    public Builder unavailable(
        Class<? extends Throwable> type, String reason, String title, Duration retryAfter) {
      if (retryAfter.isNegative() || retryAfter.isZero()) {
        throw new IllegalArgumentException("retryAfter must be positive");
      }
      return put(type, new Mapping(503, reason, title, false, retryAfter));
    }

    /** Adds every mapping of {@code other} (a later mapping of the same type replaces it). */
    public Builder include(ProblemMap other) {
      mappings.putAll(other.mappings);
      return this;
    }

    private Builder put(Class<? extends Throwable> type, Mapping m) {
      mappings.put(Objects.requireNonNull(type, "type"), m);
      return this;
    }

    public ProblemMap build() {
      return new ProblemMap(Map.copyOf(mappings));
    }
  }
}
