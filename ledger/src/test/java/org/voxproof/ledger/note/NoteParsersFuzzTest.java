package org.voxproof.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.voxproof.ledger.ProofVerificationException;

/**
 * Fuzzes the text parsers (tlog-proof, signed note, checkpoint, verifier key): any input either
 * parses — and then re-encodes to the same text — or throws {@link ProofVerificationException}. In
 * a normal build this runs the seeds under {@code NoteParsersFuzzTestInputs/}; run with {@code
 * JAZZER_FUZZ=1} to fuzz.
 */
class NoteParsersFuzzTest {
  private static final NoteVerifier KEY = Ed25519NoteKeys.generate("fuzz.example/log").verifier();

  @FuzzTest(maxDuration = "30s")
  void parsers_anyInput_throwOnlyTypedErrors(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    try {
      TlogProof p = TlogProof.parse(text);
      assertThat(TlogProof.parse(p.text()).text()).isEqualTo(p.text());
    } catch (ProofVerificationException e) {
      assertThat(e.reason()).isNotNull();
    }
    try {
      SignedNote n = SignedNote.parse(text);
      assertThat(n.text()).isEqualTo(text);
      n.verify(List.of(KEY));
    } catch (ProofVerificationException e) {
      assertThat(e.reason()).isNotNull();
    }
    try {
      Checkpoint c = Checkpoint.parse(text);
      assertThat(c.body()).isEqualTo(text);
    } catch (ProofVerificationException e) {
      assertThat(e.reason()).isNotNull();
    }
    try {
      Ed25519NoteKeys.parseVerifierKey(text);
    } catch (ProofVerificationException e) {
      assertThat(e.reason()).isNotNull();
    }
  }
}
