package org.voxproof.consent.store;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.voxproof.consent.checks.Challenge;
import org.voxproof.consent.checks.VoicePrint;
import org.voxproof.provenance.DataKeys;
import org.voxproof.provenance.KeyRingException;
import org.voxproof.storage.Backend;
import org.voxproof.storage.Migrations;
import org.voxproof.storage.Sql;
import org.voxproof.storage.Storage;
import org.voxproof.storage.StorageException;

/**
 * The consent service's state on the shared {@link Storage} (SQLite or PostgreSQL): enrolments,
 * invitation and owner-secret hashes, reference samples, challenges, consents, status indexes and
 * erasures. Personal data (owner names, audio, voice prints, challenge text) is sealed under the
 * owner's data key ({@link DataKeys}), whose wrapped form is the only copy of the key; {@link
 * #erase} deletes the sealed rows and the wrapped key in one transaction. Every method may block.
 */
public final class ConsentStore {
  /** The consent tables (component {@code consent}). */
  public static final Migrations MIGRATIONS = new Migrations("consent", "org/voxproof/consent/db");

  private static final HexFormat HEX = HexFormat.of();
  private static final String ENROLMENT_COLUMNS =
      "id, licensee_client, licensee_org, owner_id, voice_id, purposes, languages, valid_days,"
          + " status, created_at, erased_at";
  private static final String CONSENT_COLUMNS =
      "id, enrolment_id, voice_id, licensee_org, token_id, commitment, status_index, assurance,"
          + " evidence_sha256, token, created_at, expires_at, revoked_at, revocation_event,"
          + " erased_at";

  private final Storage db;
  private final DataKeys keys;

  private ConsentStore(Storage db, DataKeys keys) {
    this.db = db;
    this.keys = keys;
  }

  /** The store on {@code db}; creates or updates the consent tables first. */
  public static ConsentStore open(Storage db, DataKeys keys) throws StorageException {
    db.migrate(MIGRATIONS);
    return new ConsentStore(Objects.requireNonNull(db), Objects.requireNonNull(keys));
  }

  public Storage storage() {
    return db;
  }

  // ---- enrolments and credentials

  /** Stores a new enrolment with a fresh owner key (the name sealed under it). */
  public void createEnrolment(NewEnrolment n) throws StorageException, KeyRingException {
    DataKeys.OwnerKey k = keys.create(n.ownerId());
    String name = seal(k, n.ownerName().getBytes(StandardCharsets.UTF_8), "owner_name", n.id());
    db.write(
        sql -> {
          sql.update(
              "insert into consent_owner_keys (owner_id, wrapped_key, created_at) values (?, ?, ?)",
              n.ownerId(),
              HEX.formatHex(k.wrapped()),
              n.created().toEpochMilli());
          return sql.update(
              "insert into consent_enrolments (id, licensee_client, licensee_org, owner_id,"
                  + " voice_id, owner_name, purposes, languages, valid_days, status,"
                  + " invitation_hash, invitation_expires_at, created_at) values (?, ?, ?, ?, ?,"
                  + " ?, ?, ?, ?, ?, ?, ?, ?)",
              n.id(),
              n.licenseeClient(),
              n.licenseeOrg(),
              n.ownerId(),
              n.voiceId(),
              name,
              String.join(" ", n.purposes()),
              String.join(" ", n.languages()),
              n.validDays(),
              Enrolment.INVITED,
              n.invitationHash(),
              n.invitationExpires().toEpochMilli(),
              n.created().toEpochMilli());
        });
  }

  public Optional<Enrolment> enrolment(String id) throws StorageException {
    return db.read(
        sql ->
            sql.queryOne(
                "select " + ENROLMENT_COLUMNS + " from consent_enrolments where id = ?",
                ConsentStore::enrolmentRow,
                id));
  }

  public Optional<Enrolment> enrolmentOfVoice(String voiceId) throws StorageException {
    return db.read(
        sql ->
            sql.queryOne(
                "select " + ENROLMENT_COLUMNS + " from consent_enrolments where voice_id = ?",
                ConsentStore::enrolmentRow,
                voiceId));
  }

  /** The owner's name, opened with the owner's key; empty once erased. */
  public Optional<String> ownerName(Enrolment e) throws StorageException, KeyRingException {
    Optional<String> sealed =
        db.read(
            sql ->
                sql.queryOne(
                    "select owner_name from consent_enrolments where id = ? and owner_name is not"
                        + " null",
                    rs -> rs.getString(1),
                    e.id()));
    if (sealed.isEmpty()) {
      return Optional.empty();
    }
    byte[] name = open(ownerKey(e.ownerId()), sealed.get(), "owner_name", e.id());
    return Optional.of(new String(name, StandardCharsets.UTF_8));
  }

  /** The stored hashes of an enrolment's invitation and owner secret. */
  public record Credentials(
      String enrolmentId,
      String licenseeOrg,
      String invitationHash,
      Instant invitationExpires,
      boolean redeemed,
      String ownerSecretHash) {
    @Override
    public String toString() {
      return "Credentials[" + enrolmentId + "]";
    }
  }

  public Optional<Credentials> credentials(String enrolmentId) throws StorageException {
    return db.read(
        sql ->
            sql.queryOne(
                "select id, licensee_org, invitation_hash, invitation_expires_at, redeemed_at,"
                    + " owner_secret_hash from consent_enrolments where id = ?",
                rs ->
                    new Credentials(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)),
                        Sql.nullableLong(rs, "redeemed_at") != null,
                        rs.getString(6)),
                enrolmentId));
  }

  /**
   * Redeems the invitation once: true only for the first call with the right hash before expiry.
   */
  public boolean redeem(String id, String invitationHash, String ownerSecretHash, Instant now)
      throws StorageException {
    int n =
        db.write(
            sql ->
                sql.update(
                    "update consent_enrolments set redeemed_at = ?, owner_secret_hash = ?,"
                        + " status = ? where id = ? and invitation_hash = ? and redeemed_at is null"
                        + " and invitation_expires_at > ? and erased_at is null",
                    now.toEpochMilli(),
                    ownerSecretHash,
                    Enrolment.OPEN,
                    id,
                    invitationHash,
                    now.toEpochMilli()));
    return n == 1;
  }

  /** Replaces the owner secret (recovery by voice); the old one fails at once. */
  public void replaceOwnerSecret(String id, String ownerSecretHash) throws StorageException {
    db.write(
        sql ->
            sql.update(
                "update consent_enrolments set owner_secret_hash = ? where id = ? and erased_at"
                    + " is null",
                ownerSecretHash,
                id));
  }

  // ---- samples

  /** Stores a reference sample (audio and print sealed). */
  public void addSample(
      Enrolment e, String sampleId, byte[] audio, long durationMs, VoicePrint print, Instant now)
      throws StorageException, KeyRingException {
    DataKeys.OwnerKey k = ownerKey(e.ownerId());
    String sealedAudio = seal(k, audio, "sample_audio", sampleId);
    String sealedPrint = seal(k, Codec.print(print), "sample_print", sampleId);
    db.write(
        sql ->
            sql.update(
                "insert into consent_samples (id, enrolment_id, duration_ms, audio, print,"
                    + " created_at) values (?, ?, ?, ?, ?, ?)",
                sampleId,
                e.id(),
                durationMs,
                sealedAudio,
                sealedPrint,
                now.toEpochMilli()));
  }

  /** Total duration of the enrolment's reference samples, in milliseconds. */
  public long sampleMillis(String enrolmentId) throws StorageException {
    return db.read(
        sql ->
            sql.queryOne(
                    "select coalesce(sum(duration_ms), 0) from consent_samples where enrolment_id"
                        + " = ?",
                    rs -> rs.getLong(1),
                    enrolmentId)
                .orElse(0L));
  }

  /** The reference voice prints, opened. */
  public List<VoicePrint> samplePrints(Enrolment e) throws StorageException, KeyRingException {
    List<String[]> rows =
        db.read(
            sql ->
                sql.query(
                    "select id, print from consent_samples where enrolment_id = ? order by"
                        + " created_at, id",
                    rs -> new String[] {rs.getString(1), rs.getString(2)},
                    e.id()));
    if (rows.isEmpty()) {
      return List.of();
    }
    DataKeys.OwnerKey k = ownerKey(e.ownerId());
    List<VoicePrint> out = new ArrayList<>();
    for (String[] r : rows) {
      out.add(Codec.print(open(k, r[1], "sample_print", r[0])));
    }
    return out;
  }

  // ---- challenges

  /** The two kinds of challenge: for a consent, or for recovering the owner secret by voice. */
  public static final String CONSENT = "consent";

  public static final String RECOVERY = "recovery";

  /** Stores the enrolment's one live consent challenge, voiding any earlier challenge. */
  public void putChallenge(Enrolment e, Challenge c, Instant issued, Instant expires)
      throws StorageException, KeyRingException {
    putChallenge(e, c, issued, expires, CONSENT);
  }

  /** Stores the enrolment's one live challenge of {@code kind}, voiding any earlier challenge. */
  public void putChallenge(Enrolment e, Challenge c, Instant issued, Instant expires, String kind)
      throws StorageException, KeyRingException {
    String sealed = seal(ownerKey(e.ownerId()), Codec.challenge(c), "challenge", e.id());
    db.write(
        sql -> {
          sql.update("delete from consent_challenges where enrolment_id = ?", e.id());
          return sql.update(
              "insert into consent_challenges (enrolment_id, challenge, issued_at, expires_at,"
                  + " kind) values (?, ?, ?, ?, ?)",
              e.id(),
              sealed,
              issued.toEpochMilli(),
              expires.toEpochMilli(),
              kind);
        });
  }

  /**
   * A challenge taken for one answer.
   *
   * @param challenge what was asked
   * @param fresh false when it had expired or was already used
   */
  public record TakenChallenge(Challenge challenge, boolean fresh) {}

  /** Takes the live consent challenge (marks it used); empty when none was asked. */
  public Optional<TakenChallenge> takeChallenge(Enrolment e, Instant now)
      throws StorageException, KeyRingException {
    return takeChallenge(e, now, CONSENT);
  }

  /**
   * Takes the live challenge of {@code kind} (marks it used, so it answers once); empty when none
   * of that kind was asked.
   */
  public Optional<TakenChallenge> takeChallenge(Enrolment e, Instant now, String kind)
      throws StorageException, KeyRingException {
    Optional<Object[]> row =
        db.write(
            sql -> {
              Optional<Object[]> r =
                  sql.queryOne(
                      "select challenge, expires_at, used_at from consent_challenges where"
                          + " enrolment_id = ? and kind = ?",
                      rs ->
                          new Object[] {
                            rs.getString(1), rs.getLong(2), Sql.nullableLong(rs, "used_at")
                          },
                      e.id(),
                      kind);
              if (r.isPresent() && r.get()[2] == null) {
                sql.update(
                    "update consent_challenges set used_at = ? where enrolment_id = ?",
                    now.toEpochMilli(),
                    e.id());
              }
              return r;
            });
    if (row.isEmpty()) {
      return Optional.empty();
    }
    Challenge c =
        Codec.challenge(open(ownerKey(e.ownerId()), (String) row.get()[0], "challenge", e.id()));
    boolean fresh = row.get()[2] == null && now.toEpochMilli() < (Long) row.get()[1];
    return Optional.of(new TakenChallenge(c, fresh));
  }

  // ---- status indexes

  /** A new, never used status index. */
  public long allocateStatusIndex() throws StorageException {
    return db.write(
        sql -> {
          sql.update(
              "update consent_counters set counter_value = counter_value + 1 where name ="
                  + " 'status_index'");
          return sql.queryOne(
                      "select counter_value from consent_counters where name = 'status_index'",
                      rs -> rs.getLong(1))
                  .orElseThrow()
              - 1;
        });
  }

  /** How many status indexes were handed out. */
  public long statusIndexCount() throws StorageException {
    return db.read(
        sql ->
            sql.queryOne(
                    "select counter_value from consent_counters where name = 'status_index'",
                    rs -> rs.getLong(1))
                .orElse(0L));
  }

  /** The revoked indexes in {@code [from, to)}. */
  public List<Long> revokedIndexes(long from, long to) throws StorageException {
    return db.read(
        sql ->
            sql.query(
                "select status_index from consent_records where revoked_at is not null and"
                    + " status_index >= ? and status_index < ?",
                rs -> rs.getLong(1),
                from,
                to));
  }

  // ---- consents

  /** Stores a given consent (recording and print sealed) and marks the enrolment consented. */
  public void saveConsent(ConsentRecord r, Enrolment e, byte[] recording, VoicePrint print)
      throws StorageException, KeyRingException {
    DataKeys.OwnerKey k = ownerKey(e.ownerId());
    String sealedAudio = seal(k, recording, "consent_recording", r.id());
    String sealedPrint =
        print == null ? null : seal(k, Codec.print(print), "consent_print", r.id());
    db.write(
        sql -> {
          sql.update(
              "insert into consent_records ("
                  + CONSENT_COLUMNS
                  + ", recording, print) values"
                  + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, null, ?, ?)",
              r.id(),
              r.enrolmentId(),
              r.voiceId(),
              r.licenseeOrg(),
              r.tokenId(),
              r.commitmentHex(),
              r.statusIndex(),
              r.assurance(),
              r.evidenceSha256(),
              r.token(),
              r.created().toEpochMilli(),
              r.expires().toEpochMilli(),
              sealedAudio,
              sealedPrint);
          return sql.update(
              "update consent_enrolments set status = ? where id = ?", Enrolment.CONSENTED, e.id());
        });
  }

  public Optional<ConsentRecord> consent(String id) throws StorageException {
    return oneConsent("id = ?", id);
  }

  public Optional<ConsentRecord> consentByCommitment(String commitmentHex) throws StorageException {
    return oneConsent("commitment = ?", commitmentHex);
  }

  private Optional<ConsentRecord> oneConsent(String where, String value) throws StorageException {
    return db.read(
        sql ->
            sql.queryOne(
                "select " + CONSENT_COLUMNS + " from consent_records where " + where,
                ConsentStore::consentRow,
                value));
  }

  /** The consents given in an enrolment, oldest first. */
  public List<ConsentRecord> consentsOf(String enrolmentId) throws StorageException {
    return db.read(
        sql ->
            sql.query(
                "select "
                    + CONSENT_COLUMNS
                    + " from consent_records where enrolment_id = ? order by created_at, id",
                ConsentStore::consentRow,
                enrolmentId));
  }

  /** Revokes a consent (idempotent: a second call keeps the first time and event). */
  public ConsentRecord revoke(String consentId, String eventId, Instant now)
      throws StorageException {
    db.write(
        sql -> {
          sql.update(
              "update consent_records set revoked_at = ?, revocation_event = ? where id = ? and"
                  + " revoked_at is null",
              now.toEpochMilli(),
              eventId,
              consentId);
          return sql.update(
              "update consent_enrolments set status = ? where id = (select enrolment_id from"
                  + " consent_records where id = ?)",
              Enrolment.CLOSED,
              consentId);
        });
    return consent(consentId).orElseThrow();
  }

  // ---- erasure

  /**
   * Erases the owner's data of an enrolment in one transaction: samples, challenge, consent
   * recordings and prints, fingerprints of the voice, the owner's name, and the owner's wrapped
   * data key; every consent is revoked and marked erased. Idempotent. On SQLite, deleted content is
   * overwritten ({@code secure_delete}) and the write-ahead log truncated afterwards.
   *
   * @return the enrolment's consents as they now are
   */
  public List<ConsentRecord> erase(Enrolment e, String eventId, Instant now)
      throws StorageException {
    long t = now.toEpochMilli();
    boolean sqlite = db.backend() == Backend.SQLITE;
    db.write(
        sql -> {
          if (sqlite) {
            sql.query("pragma secure_delete = 1", rs -> rs.getInt(1));
          }
          sql.update(
              "update consent_records set revoked_at = coalesce(revoked_at, ?), revocation_event"
                  + " = coalesce(revocation_event, ?), erased_at = coalesce(erased_at, ?),"
                  + " recording = null, print = null where enrolment_id = ?",
              t,
              eventId,
              t,
              e.id());
          sql.update("delete from consent_samples where enrolment_id = ?", e.id());
          sql.update("delete from consent_challenges where enrolment_id = ?", e.id());
          sql.update("delete from consent_fingerprints where scope = ?", e.voiceId());
          sql.update(
              "update consent_enrolments set owner_name = null, status = ?, erased_at ="
                  + " coalesce(erased_at, ?) where id = ?",
              Enrolment.CLOSED,
              t,
              e.id());
          sql.update("delete from consent_owner_keys where owner_id = ?", e.ownerId());
          if (sql.queryOne(
                  "select event_id from consent_erasures where voice_id = ?",
                  rs -> rs.getString(1),
                  e.voiceId())
              .isEmpty()) {
            sql.update(
                "insert into consent_erasures (voice_id, event_id, erased_at) values (?, ?, ?)",
                e.voiceId(),
                eventId,
                t);
          }
          return null;
        });
    if (sqlite) {
      db.read(sql -> sql.query("pragma wal_checkpoint(TRUNCATE)", rs -> rs.getInt(1)));
    }
    return consentsOf(e.id());
  }

  /** The erasure event id of a voice, if it was erased. */
  public Optional<String> erasureEvent(String voiceId) throws StorageException {
    return db.read(
        sql ->
            sql.queryOne(
                "select event_id from consent_erasures where voice_id = ?",
                rs -> rs.getString(1),
                voiceId));
  }

  // ---- fingerprints (used by StoredReplayIndex)

  void addFingerprint(String id, String scope, long[] hashes) throws StorageException {
    StringBuilder b = new StringBuilder(hashes.length * 16);
    for (long h : hashes) {
      b.append(HEX.toHexDigits(h));
    }
    db.write(
        sql ->
            sql.update(
                "insert into consent_fingerprints (id, scope, hashes) values (?, ?, ?)",
                id,
                scope,
                b.toString()));
  }

  void removeFingerprints(String scope) throws StorageException {
    db.write(sql -> sql.update("delete from consent_fingerprints where scope = ?", scope));
  }

  /** Every stored fingerprint: id, scope, hashes. */
  List<Object[]> fingerprints() throws StorageException {
    return db.read(
        sql ->
            sql.query(
                "select id, scope, hashes from consent_fingerprints",
                rs -> {
                  String h = rs.getString(3);
                  long[] hashes = new long[h.length() / 16];
                  for (int i = 0; i < hashes.length; i++) {
                    hashes[i] = HexFormat.fromHexDigitsToLong(h, i * 16, i * 16 + 16);
                  }
                  return new Object[] {rs.getString(1), rs.getString(2), hashes};
                }));
  }

  // ---- keys and sealing

  private DataKeys.OwnerKey ownerKey(String ownerId) throws StorageException, KeyRingException {
    Optional<String> wrapped =
        db.read(
            sql ->
                sql.queryOne(
                    "select wrapped_key from consent_owner_keys where owner_id = ?",
                    rs -> rs.getString(1),
                    ownerId));
    if (wrapped.isEmpty()) {
      throw new KeyRingException("the owner's data key is gone (erased)");
    }
    return keys.open(ownerId, HEX.parseHex(wrapped.get()));
  }

  private static String seal(DataKeys.OwnerKey k, byte[] data, String what, String id)
      throws KeyRingException {
    return HEX.formatHex(k.seal(data, context(what, id)));
  }

  private static byte[] open(DataKeys.OwnerKey k, String sealed, String what, String id)
      throws KeyRingException {
    return k.open(HEX.parseHex(sealed), context(what, id));
  }

  private static byte[] context(String what, String id) {
    return (what + "\0" + id).getBytes(StandardCharsets.UTF_8);
  }

  private static Enrolment enrolmentRow(ResultSet rs) throws SQLException {
    return new Enrolment(
        rs.getString("id"),
        rs.getString("licensee_client"),
        rs.getString("licensee_org"),
        rs.getString("owner_id"),
        rs.getString("voice_id"),
        Arrays.asList(rs.getString("purposes").split(" ")),
        Arrays.asList(rs.getString("languages").split(" ")),
        rs.getInt("valid_days"),
        rs.getString("status"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Sql.nullableLong(rs, "erased_at") != null);
  }

  private static Instant time(ResultSet rs, String column) throws SQLException {
    Long v = Sql.nullableLong(rs, column);
    return v == null ? null : Instant.ofEpochMilli(v);
  }

  private static ConsentRecord consentRow(ResultSet rs) throws SQLException {
    return new ConsentRecord(
        rs.getString("id"),
        rs.getString("enrolment_id"),
        rs.getString("voice_id"),
        rs.getString("licensee_org"),
        rs.getString("token_id"),
        rs.getString("commitment"),
        rs.getLong("status_index"),
        rs.getString("assurance"),
        rs.getString("evidence_sha256"),
        rs.getString("token"),
        time(rs, "created_at"),
        time(rs, "expires_at"),
        time(rs, "revoked_at"),
        rs.getString("revocation_event"),
        time(rs, "erased_at"));
  }

  @Override
  public String toString() {
    return "ConsentStore[" + db + "]";
  }
}
