package org.voxproof.ledger.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.voxproof.http.peers.PeerClient;
import org.voxproof.http.peers.PeerResponse;
import org.voxproof.ledger.AppendResult;
import org.voxproof.ledger.ConsistencyProof;
import org.voxproof.ledger.InclusionProof;
import org.voxproof.ledger.LedgerConflictException;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.LedgerEvidence;
import org.voxproof.ledger.LedgerException;
import org.voxproof.ledger.LedgerNotFoundException;
import org.voxproof.ledger.LedgerRangeException;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.LedgerUnavailableException;
import org.voxproof.ledger.LedgerUnsupportedException;
import org.voxproof.ledger.ProvenanceLedger;
import org.voxproof.ledger.SignedCheckpoint;
import org.voxproof.ledger.note.Checkpoint;
import org.voxproof.ledger.note.NoteVerifier;
import org.voxproof.ledger.note.SignedNote;

/**
 * The {@link ProvenanceLedger} of another node ({@code serve --only ledger}) over HTTP(S): the
 * public routes of {@link LedgerRoutes} (checkpoint, entries, proofs, lookup by watermark) and the
 * internal ones of {@link LedgerServiceRoutes} (origin, append, by id, by commitment, evidence)
 * with a service key. Every answer is checked before use: checkpoints verify under the operator's
 * checkpoint key when a verifier is configured, and a record looked up by id or watermark must
 * carry that id or watermark.
 *
 * <p>Failures keep the interface's meaning: 404 is "not found", 409 a conflict, 501 unsupported, a
 * range error {@link LedgerRangeException}; anything else — the node unreachable, a timeout, 503, a
 * refused service key, a malformed answer — is {@link LedgerUnavailableException}, which services
 * answer with 503 {@code ledger_unavailable}. Blocking: call it from a worker pool.
 *
 * <pre>{@code
 * PeerClient peer = PeerClient.create(uri, PeerTrust.fromPem(ca), serviceKey, Duration.ofSeconds(10));
 * ProvenanceLedger ledger = LedgerClientHttp.builder(peer)
 *     .checkpointVerifier(origin -> ring.checkpointSigner(origin).verifier())
 *     .connect(Duration.ofSeconds(30));     // learns the origin; waits for the node to answer
 * }</pre>
 */
public final class LedgerClientHttp implements ProvenanceLedger {
  private final PeerClient peer;
  private final String origin;
  private final NoteVerifier verifier; // null: checkpoints are parsed, not verified
  private ExecutorService async; // made on the first appendAsync, guarded by this

  private LedgerClientHttp(PeerClient peer, String origin, NoteVerifier verifier) {
    this.peer = peer;
    this.origin = origin;
    this.verifier = verifier;
  }

  public static Builder builder(PeerClient peer) {
    return new Builder(Objects.requireNonNull(peer, "peer"));
  }

  @Override
  public String origin() {
    return origin;
  }

  @Override
  public AppendResult append(LedgerRecord record) throws LedgerException {
    JsonObject body =
        new JsonObject().put("data", Base64.getEncoder().encodeToString(record.encode()));
    JsonObject j = json(post(LedgerServiceRoutes.PREFIX + "/records", body));
    try {
      String note = j.getString("checkpoint");
      return new AppendResult(
          j.getLong("index"),
          j.getBoolean("alreadyPresent"),
          note == null ? null : checkpoint(note));
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw malformed("append", e);
    }
  }

  @Override
  public CompletionStage<AppendResult> appendAsync(LedgerRecord record) {
    CompletableFuture<AppendResult> f = new CompletableFuture<>();
    asyncPool()
        .execute(
            () -> {
              try {
                f.complete(append(record));
              } catch (LedgerException | RuntimeException e) {
                f.completeExceptionally(e);
              }
            });
    return f;
  }

  @Override
  public Optional<LedgerEntry> findById(String id) throws LedgerException {
    Optional<LedgerEntry> e = optionalEntry(LedgerServiceRoutes.PREFIX + "/records/" + id);
    if (e.isPresent() && !e.get().record().id().equals(id)) {
      throw new LedgerUnavailableException("the ledger node answered another record");
    }
    return e;
  }

  @Override
  public Optional<LedgerEntry> findByWatermark(byte[] payload) throws LedgerException {
    if (payload.length == 0 || payload.length > 32) {
      return Optional.empty(); // no synthesis record carries such a payload
    }
    Optional<LedgerEntry> e =
        optionalEntry("/v1/ledger/lookup?watermark=" + HexFormat.of().formatHex(payload));
    if (e.isPresent() && !Arrays.equals(e.get().record().watermark(), payload)) {
      throw new LedgerUnavailableException("the ledger node answered another record");
    }
    return e;
  }

  @Override
  public List<LedgerEntry> findByCommitment(byte[] consentCommitment) throws LedgerException {
    JsonObject j =
        json(
            get(
                LedgerServiceRoutes.PREFIX
                    + "/commitments/"
                    + HexFormat.of().formatHex(consentCommitment)));
    try {
      JsonArray a = j.getJsonArray("entries");
      List<LedgerEntry> out = new ArrayList<>(a.size());
      for (int i = 0; i < a.size(); i++) {
        LedgerEntry e = EvidenceWire.entry(a.getJsonObject(i));
        if (!Arrays.equals(e.record().consentCommitment(), consentCommitment)) {
          throw new LedgerUnavailableException("the ledger node answered another commitment");
        }
        out.add(e);
      }
      return out;
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw malformed("commitment lookup", e);
    }
  }

  @Override
  public LedgerEntry entry(long index) throws LedgerException {
    try {
      LedgerEntry e = EvidenceWire.entry(json(get("/v1/ledger/entries/" + index)));
      if (e.index() != index) {
        throw new LedgerUnavailableException("the ledger node answered another index");
      }
      return e;
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw malformed("entry", e);
    }
  }

  @Override
  public SignedCheckpoint latestCheckpoint() throws LedgerException {
    return checkpoint(ok(get("/v1/ledger/checkpoint")).text());
  }

  @Override
  public InclusionProof inclusionProof(long index, long treeSize) throws LedgerException {
    JsonObject j = json(get("/v1/ledger/proofs/inclusion?index=" + index + "&size=" + treeSize));
    try {
      return new InclusionProof(
          j.getLong("index"),
          j.getLong("treeSize"),
          Base64.getDecoder().decode(j.getString("leafHash")),
          hashes(j.getJsonArray("hashes")));
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw malformed("inclusion proof", e);
    }
  }

  @Override
  public ConsistencyProof consistencyProof(long fromSize, long toSize) throws LedgerException {
    JsonObject j = json(get("/v1/ledger/proofs/consistency?from=" + fromSize + "&to=" + toSize));
    try {
      return new ConsistencyProof(
          j.getLong("from"), j.getLong("to"), hashes(j.getJsonArray("hashes")));
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw malformed("consistency proof", e);
    }
  }

  @Override
  public LedgerEvidence evidence(String id) throws LedgerException {
    JsonObject j = json(get(LedgerServiceRoutes.PREFIX + "/evidence/" + id));
    try {
      LedgerEvidence e = EvidenceWire.fromJson(j);
      if (!e.entry().record().id().equals(id)) {
        throw new LedgerUnavailableException("the ledger node answered another record");
      }
      return e;
    } catch (IllegalArgumentException e) {
      throw malformed("evidence", e);
    }
  }

  private synchronized ExecutorService asyncPool() {
    if (async == null) {
      async =
          Executors.newFixedThreadPool(
              4,
              r -> {
                Thread t = new Thread(r, "ledger-client");
                t.setDaemon(true);
                return t;
              });
    }
    return async;
  }

  /** Stops the threads of {@link #appendAsync}; the node itself keeps running. */
  @Override
  public synchronized void close() {
    if (async != null) {
      async.shutdown();
    }
  }

  @Override
  public String toString() {
    return "LedgerClientHttp[" + peer.base() + ", " + origin + "]";
  }

  private SignedCheckpoint checkpoint(String note) throws LedgerException {
    try {
      SignedNote n =
          verifier == null ? SignedNote.parse(note) : SignedNote.open(note, List.of(verifier));
      Checkpoint c = Checkpoint.parse(n.body());
      if (!c.origin().equals(origin)) {
        throw new LedgerUnavailableException("the ledger node's checkpoint names another log");
      }
      return new SignedCheckpoint(c.origin(), c.size(), c.rootHash(), note);
    } catch (LedgerUnavailableException e) {
      throw e;
    } catch (LedgerException | IllegalArgumentException e) {
      throw new LedgerUnavailableException(
          "the ledger node's checkpoint does not verify: " + e.getMessage(), e);
    }
  }

  private Optional<LedgerEntry> optionalEntry(String path) throws LedgerException {
    try {
      return Optional.of(EvidenceWire.entry(json(get(path))));
    } catch (LedgerNotFoundException e) {
      return Optional.empty();
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw malformed("lookup", e);
    }
  }

  private static List<byte[]> hashes(JsonArray a) {
    List<byte[]> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(Base64.getDecoder().decode(a.getString(i)));
    }
    return out;
  }

  private PeerResponse get(String path) throws LedgerException {
    try {
      return peer.get(path);
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  private PeerResponse post(String path, JsonObject body) throws LedgerException {
    try {
      return peer.post(path, body);
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  private LedgerUnavailableException unreachable(IOException e) {
    return new LedgerUnavailableException(
        "ledger node " + peer.base() + " unreachable: " + PeerClient.describe(e), e);
  }

  private JsonObject json(PeerResponse r) throws LedgerException {
    try {
      return ok(r).json();
    } catch (IOException e) {
      throw new LedgerUnavailableException("ledger node answered " + e.getMessage(), e);
    }
  }

  /** {@code r} when it is a 2xx; else the exception its status and reason mean. */
  private static PeerResponse ok(PeerResponse r) throws LedgerException {
    int s = r.status();
    if (s >= 200 && s < 300) {
      return r;
    }
    String reason = r.reason();
    switch (s) {
      case 404 -> throw new LedgerNotFoundException("not in the ledger");
      case 409 -> throw new LedgerConflictException("conflicting record");
      case 501 -> throw new LedgerUnsupportedException("not offered by the ledger node's backend");
      default -> {
        if (s == 400 && reason.equals("out_of_range")) {
          throw new LedgerRangeException("index or size out of range");
        }
        throw new LedgerUnavailableException("ledger node answered " + s + " " + reason);
      }
    }
  }

  private static LedgerUnavailableException malformed(String what, RuntimeException e) {
    return new LedgerUnavailableException("malformed " + what + " from the ledger node", e);
  }

  /** Options: the checkpoint key, how long {@link #connect} waits for the node. */
  public static final class Builder {
    private final PeerClient peer;
    private Function<String, NoteVerifier> verifier;

    private Builder(PeerClient peer) {
      this.peer = peer;
    }

    /**
     * Verify every checkpoint under the verifier the log's origin names (the operator's key ring's
     * checkpoint key); without one, checkpoints are parsed only.
     */
    public Builder checkpointVerifier(Function<String, NoteVerifier> byOrigin) {
      this.verifier = Objects.requireNonNull(byOrigin);
      return this;
    }

    /**
     * Asks the node for its log's origin, every half second until it answers or {@code wait} has
     * passed.
     *
     * @throws LedgerUnavailableException when it did not answer in time (the last failure's cause)
     */
    public LedgerClientHttp connect(Duration wait) throws LedgerException {
      long deadline = System.nanoTime() + wait.toNanos();
      while (true) {
        try {
          JsonObject j = new LedgerClientHttp(peer, "?", null).originOf();
          String origin = j.getString("origin");
          if (origin == null || origin.isEmpty()) {
            throw new LedgerUnavailableException("the ledger node named no origin");
          }
          return new LedgerClientHttp(
              peer, origin, verifier == null ? null : verifier.apply(origin));
        } catch (LedgerUnavailableException | ClassCastException e) {
          if (System.nanoTime() >= deadline) {
            throw e instanceof LedgerUnavailableException u
                ? u
                : new LedgerUnavailableException("malformed origin from the ledger node", e);
          }
        }
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new LedgerUnavailableException("interrupted while waiting for the ledger node", e);
        }
      }
    }
  }

  private JsonObject originOf() throws LedgerException {
    return json(get(LedgerServiceRoutes.PREFIX + "/origin"));
  }
}
