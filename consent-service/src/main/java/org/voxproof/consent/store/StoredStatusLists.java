package org.voxproof.consent.store;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.voxproof.consent.token.ConsentClaims;
import org.voxproof.consent.token.InvalidTokenException;
import org.voxproof.consent.token.StatusList;
import org.voxproof.consent.token.StatusReference;
import org.voxproof.consent.token.StatusSource;
import org.voxproof.consent.token.StatusUnavailableException;
import org.voxproof.storage.StorageException;

/**
 * The consent service's status lists, built from the store: index {@code i} (global, handed out by
 * {@link ConsentStore#allocateStatusIndex}) lives in list {@code i / ENTRIES + 1} at {@code i %
 * ENTRIES}; an entry is {@link StatusList#INVALID} once its consent is revoked (or erased). As a
 * {@link StatusSource} it serves the in-process {@code ConsentVerifier} (an entry no token was
 * issued with is refused as {@code invalid_token}): a list is rebuilt from the database when it is
 * older than {@link #MAX_AGE_NANOS} or after a revocation in this process, so a revocation is
 * effective at once here and within half a second for another process on the same database.
 */
public final class StoredStatusLists implements StatusSource {
  /** Entries per list (one bit each: 16 KiB uncompressed). */
  public static final int ENTRIES = 1 << 17;

  /** How long a list read from the database is reused: 0.5 s. */
  public static final long MAX_AGE_NANOS = 500_000_000L;

  private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,8}");

  private record Cached(StatusList list, long loaded, long issued) {}

  private final ConsentStore store;
  private final String prefix;
  private final Map<Integer, Cached> cache = new ConcurrentHashMap<>();

  public StoredStatusLists(ConsentStore store, String issuer) {
    this.store = Objects.requireNonNull(store);
    this.prefix = Objects.requireNonNull(issuer) + ConsentClaims.STATUS_LIST_PATH;
  }

  /** Where global index {@code index} is referenced from a token. */
  public StatusReference reference(long index) {
    return new StatusReference(prefix + (index / ENTRIES + 1), index % ENTRIES);
  }

  @Override
  public int status(String uri, long index)
      throws InvalidTokenException, StatusUnavailableException {
    if (!uri.startsWith(prefix) || !NUMBER.matcher(uri.substring(prefix.length())).matches()) {
      throw new InvalidTokenException("not one of this service's status lists");
    }
    int n = Integer.parseInt(uri.substring(prefix.length()));
    if (index < 0 || index >= ENTRIES) {
      throw new InvalidTokenException("no such status list entry");
    }
    long global = (long) (n - 1) * ENTRIES + index;
    Cached c = cached(n, false);
    if (global >= c.issued()) {
      c = cached(n, true); // issued a moment ago?
      if (global >= c.issued()) {
        throw new InvalidTokenException("no token was issued with this status entry");
      }
    }
    return c.list().status(index);
  }

  /** How many lists exist (at least 1). */
  public int lists() throws StatusUnavailableException {
    try {
      long count = store.statusIndexCount();
      return (int) Math.max(1, (count + ENTRIES - 1) / ENTRIES);
    } catch (StorageException e) {
      throw new StatusUnavailableException("status store unavailable", e);
    }
  }

  /** List {@code n} as it is now (at most {@link #MAX_AGE_NANOS} old). */
  public StatusList list(int n) throws StatusUnavailableException {
    return cached(n, false).list();
  }

  private Cached cached(int n, boolean fresh) throws StatusUnavailableException {
    long now = System.nanoTime();
    Cached c = cache.get(n);
    if (!fresh && c != null && now - c.loaded() < MAX_AGE_NANOS) {
      return c;
    }
    StatusList l = StatusList.empty(1, ENTRIES);
    long base = (long) (n - 1) * ENTRIES;
    long issued;
    try {
      issued = store.statusIndexCount();
      for (long i : store.revokedIndexes(base, base + ENTRIES)) {
        l = l.with(i - base, StatusList.INVALID);
      }
    } catch (StorageException e) {
      throw new StatusUnavailableException("status store unavailable", e);
    }
    Cached made = new Cached(l, now, issued);
    cache.put(n, made);
    return made;
  }

  /** Forgets cached lists (after a revocation in this process). */
  public void invalidate() {
    cache.clear();
  }
}
