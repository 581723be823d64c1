package org.voxproof.ledger;

import java.util.Objects;

/**
 * Evidence from Hyperledger Fabric: where the transaction that wrote the record sits, and the
 * signed material a verifier checks against the channel's MSP roots (see docs/fabric.md).
 *
 * @param entry the record
 * @param channel the channel name
 * @param transactionId the id of the transaction that wrote the record
 * @param blockNumber the block holding it
 * @param validationCode the peer's validation code for the transaction ({@code VALID} expected)
 * @param processedTransaction the {@code ProcessedTransaction} protobuf from {@code qscc
 *     GetTransactionByID}: the signed envelope with every endorsement
 * @param block the {@code Block} protobuf from {@code qscc GetBlockByTxID} (header, data hash,
 *     orderer signatures in the metadata)
 */
@SuppressWarnings("ArrayRecordComponent") // byte[] copied in and out
public record FabricEvidence(
    LedgerEntry entry,
    String channel,
    String transactionId,
    long blockNumber,
    String validationCode,
    byte[] processedTransaction,
    byte[] block)
    implements LedgerEvidence {
  public FabricEvidence {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(transactionId, "transactionId");
    Objects.requireNonNull(validationCode, "validationCode");
    processedTransaction = processedTransaction.clone();
    block = block.clone();
  }

  @Override
  public byte[] processedTransaction() {
    return processedTransaction.clone();
  }

  @Override
  public byte[] block() {
    return block.clone();
  }
}
