package org.voxproof.consent.api;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Optional;
import org.voxproof.consent.token.StatusUnavailableException;
import org.voxproof.http.peers.PeerClient;
import org.voxproof.http.peers.PeerResponse;

/**
 * The detector node's view of a remote consent service ({@code serve --only consent}): the same two
 * questions {@link ConsentModule} answers in one process, over the internal route of {@link
 * CommitmentRoutes} with a service key. Unknown commitments (404) are empty; anything else that is
 * not an answer — the node unreachable, a timeout, 503, a refused key, a malformed body — is {@link
 * StatusUnavailableException} (fail closed: the detector answers 503, never a guessed status).
 * Blocking: call it from a worker pool.
 *
 * <pre>{@code
 * CommitmentClient consent = CommitmentClient.create(PeerClient.create(uri, ssl, key, timeout));
 * DetectorService.builder().consentStatus(c -> ConsentStatus.fromWire(consent.statusOfCommitment(c)))
 * }</pre>
 */
public final class CommitmentClient {
  private final PeerClient peer;

  private CommitmentClient(PeerClient peer) {
    this.peer = peer;
  }

  public static CommitmentClient create(PeerClient peer) {
    return new CommitmentClient(java.util.Objects.requireNonNull(peer, "peer"));
  }

  /** As {@link ConsentModule#statusOfCommitment}: the status now, empty when unknown. */
  public Optional<String> statusOfCommitment(byte[] commitment) throws StatusUnavailableException {
    return lookup(commitment).map(j -> j.getString("status"));
  }

  /** As {@link ConsentModule#disclosureOfCommitment}: licensee and consent id, if known. */
  public Optional<ConsentService.Disclosed> disclosureOfCommitment(byte[] commitment)
      throws StatusUnavailableException {
    return lookup(commitment)
        .filter(j -> j.getString("licensee") != null && j.getString("consentId") != null)
        .map(j -> new ConsentService.Disclosed(j.getString("licensee"), j.getString("consentId")));
  }

  private Optional<JsonObject> lookup(byte[] commitment) throws StatusUnavailableException {
    if (commitment == null || commitment.length != 32) {
      return Optional.empty();
    }
    PeerResponse r;
    try {
      r = peer.get(CommitmentRoutes.PREFIX + HexFormat.of().formatHex(commitment));
    } catch (IOException e) {
      throw new StatusUnavailableException(
          "consent node " + peer.base() + " unreachable: " + PeerClient.describe(e), e);
    }
    if (r.status() == 404 && r.reason().equals("not_found")) {
      return Optional.empty();
    }
    if (r.status() != 200) {
      throw new StatusUnavailableException(
          "consent node answered " + r.status() + " " + r.reason());
    }
    try {
      JsonObject j = r.json();
      if (j.getString("status") == null) {
        throw new IOException("no status");
      }
      return Optional.of(j);
    } catch (IOException | ClassCastException e) {
      throw new StatusUnavailableException("malformed answer from the consent node", e);
    }
  }

  @Override
  public String toString() {
    return "CommitmentClient[" + peer.base() + "]";
  }
}
