package org.voxproof.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voxproof.ledger.ProofVerificationException;
import org.voxproof.ledger.ProofVerificationException.Reason;
import org.voxproof.testkit.Shared;

class SignedNoteTest {
  private static final Path C2SP = Shared.testVectors("c2sp");

  private static String read(String name) throws Exception {
    return Files.readString(C2SP.resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void open_c2spExample_verifies() throws Exception {
    NoteVerifier v = Ed25519NoteKeys.parseVerifierKey(read("signed-note-example.vkey"));
    SignedNote note = SignedNote.open(read("signed-note-example.note"), List.of(v));
    assertThat(note.body()).isEqualTo("This is an example message.\n");
    assertThat(v.name()).isEqualTo("example.com/foo");
    assertThat(v.keyId()).isEqualTo(0x530d903a);
    assertThat(v.verifierKey()).isEqualTo(read("signed-note-example.vkey").strip());
  }

  @Test
  void open_c2spExampleModifiedBody_rejected() throws Exception {
    NoteVerifier v = Ed25519NoteKeys.parseVerifierKey(read("signed-note-example.vkey"));
    String tampered =
        read("signed-note-example.note").replace("example message", "exemple message");
    assertThatThrownBy(() -> SignedNote.open(tampered, List.of(v)))
        .isInstanceOf(ProofVerificationException.class)
        .extracting(e -> ((ProofVerificationException) e).reason())
        .isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void open_otherKey_rejectedAsUnknown() throws Exception {
    NoteVerifier other = Ed25519NoteKeys.generate("example.com/foo").verifier();
    assertThatThrownBy(() -> SignedNote.open(read("signed-note-example.note"), List.of(other)))
        .isInstanceOf(ProofVerificationException.class)
        .extracting(e -> ((ProofVerificationException) e).reason())
        .isEqualTo(Reason.UNKNOWN_KEY);
  }

  @Test
  void sign_roundTrip_verifiesAndKeyStringParses() throws Exception {
    NoteSigner s = Ed25519NoteKeys.generate("log.example/a");
    String text = SignedNote.sign("hello\nworld\n", s).text();
    NoteVerifier v = Ed25519NoteKeys.parseVerifierKey(s.verifier().verifierKey());
    assertThat(SignedNote.open(text, List.of(v)).body()).isEqualTo("hello\nworld\n");
  }

  @Test
  void parse_malformedNotes_rejected() {
    for (String bad :
        List.of(
            "no signatures\n",
            "body\n\n",
            "body\n\n- dash key AAAA\n",
            "body\n\n\u2014 key !!!\n",
            "body\n\n\u2014 key AAAA",
            "bo\u0000dy\n\n\u2014 key AAAAAAAA\n")) {
      assertThatThrownBy(() -> SignedNote.parse(bad))
          .as(bad)
          .isInstanceOf(ProofVerificationException.class);
    }
  }

  @Test
  void parseVerifierKey_wrongKeyId_rejected() throws Exception {
    String vkey = read("signed-note-example.vkey").strip().replace("+530d903a+", "+530d903b+");
    assertThatThrownBy(() -> Ed25519NoteKeys.parseVerifierKey(vkey))
        .isInstanceOf(ProofVerificationException.class);
  }

  @Test
  void verifierVerify_validSignature_returns_otherwiseThrowsBadSignature() throws Exception {
    NoteSigner s = Ed25519NoteKeys.generate("log.example/a");
    byte[] msg = "hello\n".getBytes(StandardCharsets.UTF_8);
    byte[] sig = s.sign(msg);
    s.verifier().verify(msg, sig);
    byte[] flipped = sig.clone();
    flipped[5] ^= 1;
    for (byte[] bad : List.of(flipped, java.util.Arrays.copyOf(sig, 63), new byte[0])) {
      assertThatThrownBy(() -> s.verifier().verify(msg, bad))
          .isInstanceOf(ProofVerificationException.class)
          .hasMessage("bad_signature: invalid signature by log.example/a")
          .extracting(e -> ((ProofVerificationException) e).reason())
          .isEqualTo(Reason.BAD_SIGNATURE);
    }
    assertThatThrownBy(() -> s.verifier().verify("other\n".getBytes(StandardCharsets.UTF_8), sig))
        .isInstanceOf(ProofVerificationException.class);
  }
}
