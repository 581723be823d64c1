package org.voxproof.ledger.fabric;

import java.util.List;
import java.util.Objects;

/**
 * A Fabric transaction that verified offline: committed as valid in an orderer-signed block,
 * submitted by a channel member and endorsed by every application organisation of the channel. Only
 * {@link FabricEvidenceVerifier} makes one.
 *
 * @param channel the channel
 * @param transactionId the transaction id
 * @param blockNumber its block
 * @param creatorMsp the MSP of the client that submitted it
 * @param endorsingMsps the MSPs whose peers endorsed it (sorted)
 * @param ordererMsps the MSPs whose orderers signed its block (sorted)
 */
public record VerifiedFabricTransaction(
    String channel,
    String transactionId,
    long blockNumber,
    String creatorMsp,
    List<String> endorsingMsps,
    List<String> ordererMsps) {
  public VerifiedFabricTransaction {
    Objects.requireNonNull(channel);
    Objects.requireNonNull(transactionId);
    Objects.requireNonNull(creatorMsp);
    endorsingMsps = List.copyOf(endorsingMsps);
    ordererMsps = List.copyOf(ordererMsps);
  }
}
