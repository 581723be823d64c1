package org.voxproof.ledger.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.voxproof.ledger.ProofVerificationException;
import org.voxproof.ledger.ProofVerificationException.Reason;

/**
 * A C2SP signed note: a text body and signature lines.
 *
 * @param body the text, every line ending in a newline
 * @param signatures the signature lines, in order
 */
public record SignedNote(String body, List<Signature> signatures) {
  /** SPEC: C2SP signed-note: signature lines start with U+2014 (em dash) and a space. */
  private static final String SIG_PREFIX = "\u2014 ";

  private static final int MAX_NOTE_CHARS = 1 << 20;
  private static final int MAX_SIGNATURES = 100;

  /** One signature line: key name, key ID and signature bytes. */
  @SuppressWarnings("ArrayRecordComponent") // byte[] copied in and out
  public record Signature(String keyName, int keyId, byte[] signature) {
    public Signature {
      Objects.requireNonNull(keyName, "keyName");
      signature = signature.clone();
    }

    @Override
    public byte[] signature() {
      return signature.clone();
    }

    String line() {
      byte[] s = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
      return SIG_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(s) + "\n";
    }
  }

  public SignedNote {
    Objects.requireNonNull(body, "body");
    signatures = List.copyOf(signatures);
  }

  /** Signs {@code body} (which must end in a newline) with each signer. */
  public static SignedNote sign(String body, NoteSigner... signers) {
    checkBody(body);
    byte[] msg = body.getBytes(StandardCharsets.UTF_8);
    List<Signature> sigs = new ArrayList<>();
    for (NoteSigner s : signers) {
      sigs.add(new Signature(s.name(), s.keyId(), s.sign(msg)));
    }
    return new SignedNote(body, sigs);
  }

  /** The note as text: body, an empty line, signature lines. */
  public String text() {
    StringBuilder sb = new StringBuilder(body).append('\n');
    for (Signature s : signatures) {
      sb.append(s.line());
    }
    return sb.toString();
  }

  /** SPEC: C2SP signed-note "Format": parses a note without checking signatures. */
  public static SignedNote parse(String text) throws ProofVerificationException {
    if (text.length() > MAX_NOTE_CHARS || !text.endsWith("\n")) {
      throw malformed("a note ends with a newline and is at most 1 MiB");
    }
    int split = text.lastIndexOf("\n\n");
    if (split < 0) {
      throw malformed("no empty line before the signatures");
    }
    String body = text.substring(0, split + 1);
    if (!validBody(body)) {
      throw malformed("the note text has control characters or an empty line");
    }
    String[] lines = text.substring(split + 2).split("\n", -1);
    List<Signature> sigs = new ArrayList<>();
    for (int i = 0; i < lines.length - 1; i++) {
      sigs.add(parseSignature(lines[i]));
    }
    if (sigs.isEmpty() || sigs.size() > MAX_SIGNATURES) {
      throw malformed("a note has 1 to 100 signatures");
    }
    return new SignedNote(body, sigs);
  }

  /**
   * Verifies that at least one signature comes from one of {@code verifiers} and that every
   * signature by a known key is valid; signatures by unknown keys are ignored.
   */
  public void verify(List<NoteVerifier> verifiers) throws ProofVerificationException {
    byte[] msg = body.getBytes(StandardCharsets.UTF_8);
    int verified = 0;
    for (Signature s : signatures) {
      for (NoteVerifier v : verifiers) {
        if (v.name().equals(s.keyName()) && v.keyId() == s.keyId()) {
          v.verify(msg, s.signature());
          verified++;
        }
      }
    }
    if (verified == 0) {
      throw new ProofVerificationException(Reason.UNKNOWN_KEY, "no signature by a trusted key");
    }
  }

  /** Parses and verifies; returns the verified note. */
  public static SignedNote open(String text, List<NoteVerifier> verifiers)
      throws ProofVerificationException {
    SignedNote note = parse(text);
    note.verify(verifiers);
    return note;
  }

  static boolean validKeyName(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '+' || Character.isWhitespace(c) || Character.isISOControl(c)) {
        return false;
      }
    }
    return true;
  }

  private static Signature parseSignature(String line) throws ProofVerificationException {
    if (!line.startsWith(SIG_PREFIX)) {
      throw malformed("a signature line starts with an em dash and a space");
    }
    String rest = line.substring(SIG_PREFIX.length());
    int sp = rest.indexOf(' ');
    if (sp < 0 || !validKeyName(rest.substring(0, sp))) {
      throw malformed("bad signature line");
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(rest.substring(sp + 1));
    } catch (IllegalArgumentException e) {
      throw malformed("signature is not base64");
    }
    if (raw.length < 5 || !Base64.getEncoder().encodeToString(raw).equals(rest.substring(sp + 1))) {
      throw malformed("signature is short or not canonical base64");
    }
    ByteBuffer b = ByteBuffer.wrap(raw);
    int id = b.getInt();
    byte[] sig = new byte[raw.length - 4];
    b.get(sig);
    return new Signature(rest.substring(0, sp), id, sig);
  }

  private static void checkBody(String body) {
    if (!validBody(body)) {
      throw new IllegalArgumentException("a note body is non-empty lines, each ending in newline");
    }
  }

  private static boolean validBody(String body) {
    if (body.isEmpty() || !body.endsWith("\n") || body.startsWith("\n") || body.contains("\n\n")) {
      return false;
    }
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\n' && Character.isISOControl(c)) {
        return false;
      }
    }
    return true;
  }

  private static ProofVerificationException malformed(String message) {
    return new ProofVerificationException(Reason.MALFORMED, message);
  }
}
