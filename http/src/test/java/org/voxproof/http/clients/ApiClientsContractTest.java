package org.voxproof.http.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voxproof.http.auth.Principal;
import org.voxproof.http.auth.Role;
import org.voxproof.storage.Storage;

/**
 * What the client store must do on both backends ({@link SqliteApiClientsTest}, {@link
 * PostgresApiClientsTest}).
 */
abstract class ApiClientsContractTest {
  /** A clock the test moves. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final TestClock clock = new TestClock();
  Storage storage;
  ApiClients clients;

  /** A fresh, empty database. */
  abstract Storage open() throws Exception;

  /** A second, independent handle on the same database (as another process would have). */
  abstract Storage openSecond() throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    storage = open();
    clients = ApiClients.open(storage, clock);
  }

  @AfterEach
  void tearDown() {
    storage.close();
  }

  private NewApiKey create(String name, Role role) throws Exception {
    return clients.create(name, role, "Bank AG", Duration.ofDays(30));
  }

  @Test
  void create_returnsKeyThatResolvesToItsRoleAndOrganisation() throws Exception {
    NewApiKey k = create("bank-app", Role.LICENSEE);
    assertThat(k.key()).matches("vxk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
    assertThat(k.key()).startsWith("vxk_" + k.client().id() + "_");
    assertThat(k.toString()).doesNotContain(k.key());
    assertThat(clients.resolve(k.key()))
        .contains(new Principal(Role.LICENSEE, k.client().id(), "Bank AG"));
    assertThat(k.client().expires()).isEqualTo(clock.now.plus(Duration.ofDays(30)));
  }

  @Test
  void keys_areStoredOnlyAsHashes() throws Exception {
    NewApiKey k = create("bank-app", Role.LICENSEE);
    String secret = k.key().substring(k.key().lastIndexOf('_') + 1);
    List<Map<String, String>> rows =
        storage.read(
            sql ->
                sql.query(
                    "select * from clients_api",
                    rs -> {
                      Map<String, String> m = new java.util.HashMap<>();
                      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        m.put(
                            rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT),
                            rs.getString(i));
                      }
                      return m;
                    }));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).values().toString()).doesNotContain(secret);
    assertThat(rows.get(0).get("key_hash")).isEqualTo(ApiKeys.hash(k.key())).hasSize(64);
  }

  @Test
  void resolve_wrongSecretOrMalformedKey_isEmpty() throws Exception {
    NewApiKey k = create("bank-app", Role.LICENSEE);
    String forged =
        k.key().substring(0, k.key().length() - 1) + (k.key().endsWith("A") ? "B" : "A");
    assertThat(clients.resolve(forged)).isEmpty();
    assertThat(clients.resolve("vxk_0000000000000000_" + "A".repeat(43))).isEmpty();
    assertThat(clients.resolve("vxk_short")).isEmpty();
    assertThat(clients.resolve(k.key() + "x")).isEmpty();
  }

  @Test
  void revoke_refusesTheKeyAtOnce_andIsIdempotent() throws Exception {
    NewApiKey k = create("bank-app", Role.PLATFORM);
    ApiClient r = clients.revoke("bank-app");
    assertThat(r.status(clock.now)).isEqualTo("revoked");
    assertThat(clients.resolve(k.key())).isEmpty();
    assertThat(clients.revoke(k.client().id()).revoked()).isEqualTo(r.revoked());
  }

  @Test
  void expiredKey_isRefused() throws Exception {
    NewApiKey k = create("bank-app", Role.POLICE);
    clock.now = k.client().expires().minusMillis(1);
    assertThat(clients.resolve(k.key())).isPresent();
    clock.now = k.client().expires();
    assertThat(clients.resolve(k.key())).isEmpty();
    assertThat(clients.find("bank-app").status(clock.now)).isEqualTo("expired");
  }

  @Test
  void rotate_replacesTheKey_oldOneFailsAtOnce() throws Exception {
    NewApiKey first = create("bank-app", Role.OPERATOR);
    NewApiKey second = clients.rotate("bank-app");
    assertThat(second.client().id()).isEqualTo(first.client().id());
    assertThat(second.key()).isNotEqualTo(first.key());
    assertThat(clients.resolve(first.key())).isEmpty();
    assertThat(clients.resolve(second.key())).isPresent();
    assertThat(second.client().expires()).isEqualTo(first.client().expires());
    assertThat(second.client().rotated()).isEqualTo(clock.now);
  }

  @Test
  void rotate_revokedClient_refused() throws Exception {
    create("bank-app", Role.LICENSEE);
    clients.revoke("bank-app");
    assertThatThrownBy(() -> clients.rotate("bank-app"))
        .isInstanceOf(ApiClientException.class)
        .hasMessage("client bank-app is revoked; create a new one");
  }

  @Test
  void unknownClient_isNotFound() {
    assertThatThrownBy(() -> clients.revoke("nobody"))
        .isInstanceOf(ClientNotFoundException.class)
        .hasMessage("no API client nobody");
    assertThatThrownBy(() -> clients.rotate("nobody")).isInstanceOf(ClientNotFoundException.class);
  }

  @Test
  void create_badValues_refusedWithReason() throws Exception {
    create("bank-app", Role.LICENSEE);
    assertThatThrownBy(() -> create("bank-app", Role.POLICE))
        .isInstanceOf(ApiClientException.class)
        .hasMessage("a client named bank-app exists already");
    assertThatThrownBy(() -> create("has space", Role.POLICE))
        .isInstanceOf(ApiClientException.class)
        .hasMessageStartingWith("name must be");
    assertThatThrownBy(() -> create("owner-1", Role.OWNER))
        .isInstanceOf(ApiClientException.class)
        .hasMessage("an API key's role is licensee, platform, police, operator or service");
    assertThatThrownBy(() -> clients.create("x", Role.POLICE, "Org\n", Duration.ofDays(1)))
        .isInstanceOf(ApiClientException.class)
        .hasMessageStartingWith("organisation must be");
    assertThatThrownBy(() -> clients.create("x", Role.POLICE, "Org", Duration.ofDays(3651)))
        .isInstanceOf(ApiClientException.class)
        .hasMessage("validity must be 1 to 3650 days");
    assertThat(clients.list()).extracting(ApiClient::name).containsExactly("bank-app");
  }

  @Test
  void list_jsonNeverShowsKeyOrHash() throws Exception {
    NewApiKey k = create("bank-app", Role.LICENSEE);
    create("platform-1", Role.PLATFORM);
    List<ApiClient> all = clients.list();
    assertThat(all).extracting(ApiClient::name).containsExactly("bank-app", "platform-1");
    Map<String, Object> json = all.get(0).toJson(clock.now);
    assertThat(json.keySet())
        .containsExactly(
            "id",
            "name",
            "role",
            "organisation",
            "status",
            "created",
            "expires",
            "revoked",
            "rotated");
    assertThat(json.toString()).doesNotContain(k.key()).doesNotContain(ApiKeys.hash(k.key()));
    assertThat(json).containsEntry("status", "active").containsEntry("role", "licensee");
  }

  @Test
  void revokedByAnotherInstance_refusedOnTheNextResolve() throws Exception {
    NewApiKey k = create("bank-app", Role.LICENSEE);
    assertThat(clients.resolve(k.key())).isPresent();
    try (Storage other = openSecond()) {
      ApiClients.open(other, clock).revoke("bank-app");
    }
    assertThat(clients.resolve(k.key())).isEmpty();
  }
}
