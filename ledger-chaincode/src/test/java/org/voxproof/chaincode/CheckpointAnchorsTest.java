package org.voxproof.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Anchoring checkpoints through the real chaincode: one chain of heads per log, or a refusal. */
class CheckpointAnchorsTest {
  private final ChaincodeHarness cc = new ChaincodeHarness();
  private final TestLog log = new TestLog("voxproof.test/log");

  private ChaincodeHarness.Answer anchor(TestLog l, String proof) {
    return cc.call("Anchor", l.vkey(), l.note(), proof);
  }

  @Test
  void anchor_firstThenExtending_storesHeadsAndEmitsTheNote() {
    log.grow(3, "a");
    String first = log.note();
    String tx = cc.nextTxId();
    ChaincodeHarness.Answer a = anchor(log, "");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.event().name()).isEqualTo(CheckpointAnchors.EVENT);
    assertThat(new String(a.event().payload(), StandardCharsets.UTF_8)).isEqualTo(first);
    assertThat(a.text())
        .isEqualTo(
            "{\"txId\":\"" + tx + "\",\"note\":" + Json.quote(first) + ",\"existing\":false}");
    log.grow(4, "b");
    assertThat(anchor(log, log.proofFrom(3)).status()).isEqualTo(200);
    assertThat(cc.call("AnchorHead", log.origin).text()).contains(Json.quote(log.note()));
    assertThat(cc.call("Anchored", log.origin, "2").text()).contains(Json.quote(first));
    assertThat(cc.call("Anchored", log.origin, "3").text()).contains(Json.quote(log.note()));
    assertThat(cc.call("Anchored", log.origin, "7").message())
        .isEqualTo("NOT_FOUND: no anchored checkpoint covers entry 7 yet");
  }

  @Test
  void anchor_sameCheckpointAgain_returnsTheFirstAnswer() {
    log.grow(2, "a");
    String tx = cc.nextTxId();
    anchor(log, "");
    ChaincodeHarness.Answer again = anchor(log, "");
    assertThat(again.text()).startsWith("{\"txId\":\"" + tx + "\"").endsWith("\"existing\":true}");
    assertThat(again.event()).isNull();
  }

  @Test
  void anchor_otherHistoryOfTheSameLog_refusedAsFork() {
    log.grow(3, "a");
    anchor(log, "");
    TestLog fork = new TestLog(log.origin, log.key).grow(5, "z");
    ChaincodeHarness.Answer a = anchor(fork, fork.proofFrom(3));
    assertThat(a.status()).isEqualTo(500);
    assertThat(a.message())
        .startsWith("CHECKPOINT_FORK: checkpoint does not extend the anchored one");
    TestLog sameSize = new TestLog(log.origin, log.key).grow(3, "z");
    assertThat(anchor(sameSize, "").message())
        .isEqualTo("CHECKPOINT_FORK: size 3 does not extend the anchored size 3");
  }

  @Test
  void anchor_olderCheckpoint_refusedAsStale() {
    log.grow(2, "a");
    String older = log.note();
    log.grow(2, "b");
    anchor(log, "");
    assertThat(cc.call("Anchor", log.vkey(), older, "").message())
        .isEqualTo("STALE_CHECKPOINT: size 2 does not extend the anchored size 4");
  }

  @Test
  void anchor_otherKeyOrBadSignature_refused() {
    log.grow(2, "a");
    anchor(log, "");
    TestLog impostor = new TestLog(log.origin).grow(3, "a");
    assertThat(anchor(impostor, impostor.proofFrom(2)).message())
        .isEqualTo("LOG_KEY_MISMATCH: this log anchors with another key");
    ChaincodeHarness.Answer a = cc.call("Anchor", log.vkey(), impostor.note(), "");
    assertThat(a.message())
        .isEqualTo(
            "BAD_CHECKPOINT: not a checkpoint signed by the log's key: unknown_key: no signature"
                + " by a trusted key");
  }

  @Test
  void anchored_badIndex_refused() {
    assertThat(cc.call("Anchored", log.origin, "-1").message())
        .isEqualTo("BAD_REQUEST: bad entry index");
    assertThat(cc.call("AnchorHead", log.origin).message())
        .isEqualTo("NOT_FOUND: nothing anchored for this log");
  }
}
