package org.voxproof.ledger;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A committed Hyperledger Fabric transaction with what an offline verifier needs to check it: the
 * transaction as the peer processed it, its block and the channel configuration block in force for
 * that block (see docs/fabric.md, "What a verifier gets as evidence").
 *
 * @param channel the channel name
 * @param transactionId the transaction id (64 lowercase hex digits)
 * @param blockNumber the number of the block holding the transaction
 * @param processedTransaction the {@code peer.ProcessedTransaction} protobuf ({@code qscc
 *     GetTransactionByID}): the signed envelope with every endorsement, and its validation code
 * @param block the {@code common.Block} protobuf holding the transaction, with the orderer's
 *     signatures in its metadata (metadata the peer adds and nobody signs is cleared)
 * @param configBlock the channel's last configuration block as of {@code block} (its number is in
 *     the orderer-signed block metadata): the MSPs and the block validation policy
 */
@SuppressWarnings("ArrayRecordComponent") // byte[] copied in and out
public record FabricTransactionProof(
    String channel,
    String transactionId,
    long blockNumber,
    byte[] processedTransaction,
    byte[] block,
    byte[] configBlock) {
  private static final Pattern TX_ID = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9.-]{0,248}");

  public FabricTransactionProof {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(transactionId, "transactionId");
    if (!CHANNEL.matcher(channel).matches()) {
      throw new IllegalArgumentException("not a Fabric channel name");
    }
    if (!TX_ID.matcher(transactionId).matches()) {
      throw new IllegalArgumentException("transaction id must be 64 lowercase hex digits");
    }
    if (blockNumber < 0) {
      throw new IllegalArgumentException("blockNumber must be >= 0");
    }
    processedTransaction = processedTransaction.clone();
    block = block.clone();
    configBlock = configBlock.clone();
  }

  @Override
  public byte[] processedTransaction() {
    return processedTransaction.clone();
  }

  @Override
  public byte[] block() {
    return block.clone();
  }

  @Override
  public byte[] configBlock() {
    return configBlock.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FabricTransactionProof p
        && p.channel.equals(channel)
        && p.transactionId.equals(transactionId)
        && p.blockNumber == blockNumber
        && java.util.Arrays.equals(p.processedTransaction, processedTransaction)
        && java.util.Arrays.equals(p.block, block)
        && java.util.Arrays.equals(p.configBlock, configBlock);
  }

  @Override
  public int hashCode() {
    return Objects.hash(channel, transactionId, blockNumber);
  }

  @Override
  public String toString() {
    return "FabricTransactionProof[" + channel + " " + transactionId + " @" + blockNumber + "]";
  }
}
