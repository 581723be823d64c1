package org.voxproof.http.clients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.voxproof.http.ProblemMap;
import org.voxproof.http.auth.BearerResolver;
import org.voxproof.http.auth.Principal;
import org.voxproof.http.auth.Role;
import org.voxproof.storage.Migrations;
import org.voxproof.storage.Storage;
import org.voxproof.storage.StorageConflictException;
import org.voxproof.storage.StorageException;
import org.voxproof.storage.StorageUnavailableException;

/**
 * The API clients and their keys, in the shared {@link Storage}: create, list, revoke, rotate, and
 * resolve a presented key ({@link BearerResolver}, prefix {@code vxk_}). Keys are random 256-bit
 * secrets, stored only as SHA-256 hashes and compared in constant time. Every resolution reads the
 * database, so a key revoked or expired a moment ago, also by another process on the same data
 * directory ({@code voxproof admin} while {@code serve} runs), is refused on the next request.
 */
public final class ApiClients implements BearerResolver {
  /** The clients' tables (component {@code clients}). */
  public static final Migrations MIGRATIONS =
      new Migrations("clients", "org/voxproof/http/clients/db");

  /** How a storage failure during authentication maps: busy → 503 + Retry-After. */
  public static final ProblemMap PROBLEMS =
      ProblemMap.builder()
          .overloaded(StorageUnavailableException.class, "Storage busy", Duration.ofSeconds(1))
          .build();

  /** Longest key lifetime: ten years. */
  public static final Duration MAX_VALIDITY = Duration.ofDays(3650);

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern ORGANISATION = Pattern.compile("[\\x20-\\x7e]{1,128}");
  private static final String COLUMNS =
      "id, name, role, organisation, created_at, expires_at, revoked_at, rotated_at";

  private final Storage storage;
  private final Clock clock;

  private ApiClients(Storage storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  /** The clients on {@code storage}; creates or updates their tables first. */
  public static ApiClients open(Storage storage) throws StorageException {
    return open(storage, Clock.systemUTC());
  }

  /** As {@link #open(Storage)}, with a clock (tests). */
  public static ApiClients open(Storage storage, Clock clock) throws StorageException {
    storage.migrate(MIGRATIONS);
    return new ApiClients(Objects.requireNonNull(storage), Objects.requireNonNull(clock));
  }

  /**
   * Creates a client and its first key.
   *
   * @param name unique; letters, digits, {@code . _ -}, at most 64
   * @param role licensee, platform, police, operator or service
   * @param organisation printable ASCII, at most 128
   * @param validity how long the key works (1 day to 10 years)
   * @throws ApiClientException for a bad value or a name in use
   */
  public NewApiKey create(String name, Role role, String organisation, Duration validity)
      throws ApiClientException, StorageException {
    check(NAME, name, "name must be 1-64 letters, digits, '.', '_' or '-', starting alphanumeric");
    check(ORGANISATION, organisation, "organisation must be 1-128 printable ASCII characters");
    if (!role.isApiKeyRole()) {
      throw new ApiClientException(
          "an API key's role is licensee, platform, police, operator or service");
    }
    if (validity.compareTo(Duration.ofDays(1)) < 0 || validity.compareTo(MAX_VALIDITY) > 0) {
      throw new ApiClientException("validity must be 1 to 3650 days");
    }
    Instant now = now();
    ApiClient c =
        new ApiClient(
            ApiKeys.newId(), name, role, organisation, now, now.plus(validity), null, null);
    String key = ApiKeys.newKey(c.id());
    try {
      storage.write(
          sql ->
              sql.update(
                  "insert into clients_api (id, name, role, organisation, key_hash, created_at,"
                      + " expires_at) values (?, ?, ?, ?, ?, ?, ?)",
                  c.id(),
                  c.name(),
                  c.role().wire(),
                  c.organisation(),
                  ApiKeys.hash(key),
                  c.created().toEpochMilli(),
                  c.expires().toEpochMilli()));
    } catch (StorageConflictException e) {
      throw new ApiClientException("a client named " + name + " exists already", e);
    }
    return new NewApiKey(c, key);
  }

  /** Every client, oldest first (then by name). */
  public List<ApiClient> list() throws StorageException {
    return storage.read(
        sql ->
            sql.query(
                "select " + COLUMNS + " from clients_api order by created_at, name",
                ApiClients::row));
  }

  /** The client with this id or name. */
  public ApiClient find(String idOrName) throws ClientNotFoundException, StorageException {
    return storage
        .read(
            sql ->
                sql.queryOne(
                    "select " + COLUMNS + " from clients_api where id = ? or name = ?",
                    ApiClients::row,
                    idOrName,
                    idOrName))
        .orElseThrow(() -> new ClientNotFoundException("no API client " + idOrName));
  }

  /** Revokes the client's key at once; revoking a revoked client changes nothing. */
  public ApiClient revoke(String idOrName) throws ClientNotFoundException, StorageException {
    ApiClient c = find(idOrName);
    long now = now().toEpochMilli();
    storage.write(
        sql ->
            sql.update(
                "update clients_api set revoked_at = ? where id = ? and revoked_at is null",
                now,
                c.id()));
    return find(c.id());
  }

  /**
   * Replaces the client's key with a new one; the old key fails at once. The expiry stays.
   *
   * @throws ApiClientException when the client is revoked
   */
  public NewApiKey rotate(String idOrName) throws ApiClientException, StorageException {
    ApiClient c = find(idOrName);
    String key = ApiKeys.newKey(c.id());
    int changed =
        storage.write(
            sql ->
                sql.update(
                    "update clients_api set key_hash = ?, rotated_at = ? where id = ? and"
                        + " revoked_at is null",
                    ApiKeys.hash(key),
                    now().toEpochMilli(),
                    c.id()));
    if (changed == 0) {
      throw new ApiClientException("client " + c.name() + " is revoked; create a new one");
    }
    return new NewApiKey(find(c.id()), key);
  }

  @Override
  public String prefix() {
    return ApiKeys.PREFIX;
  }

  /** The principal of a valid, unrevoked, unexpired key; empty for anything else. */
  @Override
  public Optional<Principal> resolve(String key) throws StorageException {
    Optional<String> id = ApiKeys.idOf(key);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Optional<Stored> stored =
        storage.read(
            sql ->
                sql.queryOne(
                    "select " + COLUMNS + ", key_hash from clients_api where id = ?",
                    rs -> new Stored(row(rs), rs.getString("key_hash")),
                    id.get()));
    if (stored.isEmpty()
        || !ApiKeys.sameHash(stored.get().keyHash(), ApiKeys.hash(key))
        || !stored.get().client().status(now()).equals("active")) {
      return Optional.empty();
    }
    ApiClient c = stored.get().client();
    return Optional.of(new Principal(c.role(), c.id(), c.organisation()));
  }

  private record Stored(ApiClient client, String keyHash) {}

  private Instant now() {
    return clock.instant();
  }

  private static ApiClient row(ResultSet rs) throws SQLException {
    Long revoked = org.voxproof.storage.Sql.nullableLong(rs, "revoked_at");
    Long rotated = org.voxproof.storage.Sql.nullableLong(rs, "rotated_at");
    return new ApiClient(
        rs.getString("id"),
        rs.getString("name"),
        Role.parse(rs.getString("role")),
        rs.getString("organisation"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("expires_at")),
        revoked == null ? null : Instant.ofEpochMilli(revoked),
        rotated == null ? null : Instant.ofEpochMilli(rotated));
  }

  private static void check(Pattern p, String value, String message) throws ApiClientException {
    if (value == null || !p.matcher(value).matches()) {
      throw new ApiClientException(message);
    }
  }
}
