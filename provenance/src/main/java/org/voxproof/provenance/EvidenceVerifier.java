package org.voxproof.provenance;

import static org.voxproof.provenance.EvidenceInvalidException.Reason.BAD_SIGNATURE;
import static org.voxproof.provenance.EvidenceInvalidException.Reason.FILE_HASH_MISMATCH;
import static org.voxproof.provenance.EvidenceInvalidException.Reason.LEDGER_PROOF_INVALID;
import static org.voxproof.provenance.EvidenceInvalidException.Reason.MALFORMED;
import static org.voxproof.provenance.EvidenceInvalidException.Reason.UNTRUSTED_SIGNER;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.util.Base64;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.voxproof.ledger.FabricEvidence;
import org.voxproof.ledger.LedgerEntry;
import org.voxproof.ledger.LedgerRecord;
import org.voxproof.ledger.ProofVerificationException;
import org.voxproof.ledger.fabric.FabricEvidenceVerifier;
import org.voxproof.ledger.fabric.VerifiedFabricTransaction;
import org.voxproof.ledger.note.Ed25519NoteKeys;
import org.voxproof.ledger.note.TlogProof;
import org.voxproof.ledger.note.TlogProofVerifier;
import org.voxproof.provenance.internal.CertProfile;
import org.voxproof.provenance.internal.Certs;
import org.voxproof.provenance.internal.Crypto;
import org.voxproof.provenance.internal.EvidenceJson;

/**
 * Verifies an evidence bundle offline: exact compact-JWS form, ES256 signature, the signer's chain
 * to the configured root (at the time of the check the bundle states), the evidence-signing
 * certificate profile, the ledger part of whichever backend made it ({@link LedgerFindings}: the
 * tlog proof and signed checkpoint; the Fabric transaction against the channel's MSP roots, the
 * second trust input; or both for the hybrid), and optionally the examined audio's hash. Any
 * changed byte fails.
 */
public final class EvidenceVerifier {
  // SPEC: RFC 7515 §7.1 compact serialization; base64url without padding; one optional newline.
  private static final Pattern COMPACT =
      Pattern.compile("([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)\\n?");
  private static final int MAX_BUNDLE = 4 * 1024 * 1024;

  private final List<X509Certificate> anchors;
  private final List<X509Certificate> fabricRoots;

  private EvidenceVerifier(List<X509Certificate> anchors, List<X509Certificate> fabricRoots) {
    this.anchors = List.copyOf(anchors);
    this.fabricRoots = List.copyOf(fabricRoots);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Options: at least one trust anchor (the operator's root) is required; bundles with Fabric or
   * hybrid ledger evidence also need the channel's MSP root certificates.
   */
  public static final class Builder {
    private final List<X509Certificate> anchors = new ArrayList<>();
    private final List<X509Certificate> fabricRoots = new ArrayList<>();

    private Builder() {}

    public Builder trustAnchor(X509Certificate root) {
      anchors.add(root);
      return this;
    }

    public Builder trustAnchorsPem(String pem) throws ProvenanceException {
      anchors.addAll(Certs.parseTrustAnchorsPem(pem));
      return this;
    }

    /** The root CA certificates of the Fabric channel's MSPs (orderer and every organisation). */
    public Builder fabricMspRoots(List<X509Certificate> roots) {
      fabricRoots.addAll(roots);
      return this;
    }

    /** As {@link #fabricMspRoots(List)}, from PEM text. */
    public Builder fabricMspRootsPem(String pem) throws ProvenanceException {
      fabricRoots.addAll(Certs.parseTrustAnchorsPem(pem));
      return this;
    }

    public EvidenceVerifier build() {
      if (anchors.isEmpty()) {
        throw new IllegalStateException("EvidenceVerifier needs a trust anchor");
      }
      return new EvidenceVerifier(anchors, fabricRoots);
    }
  }

  /** Verifies a bundle (its exact bytes). */
  public VerifiedEvidence verify(byte[] bundle) throws EvidenceInvalidException {
    return verify(bundle, null);
  }

  /** Verifies a bundle and that {@code audio} is the file it describes. */
  public VerifiedEvidence verify(byte[] bundle, byte[] audio) throws EvidenceInvalidException {
    if (bundle.length > MAX_BUNDLE) {
      throw new EvidenceInvalidException(MALFORMED, "bundle too large");
    }
    String text = new String(bundle, StandardCharsets.ISO_8859_1);
    var m = COMPACT.matcher(text);
    if (!m.matches()) {
      throw new EvidenceInvalidException(MALFORMED, "not a compact JWS");
    }
    for (int i = 1; i <= 3; i++) {
      requireCanonical(m.group(i));
    }
    JWSObject jws;
    try {
      jws = JWSObject.parse(m.group(1) + "." + m.group(2) + "." + m.group(3));
    } catch (ParseException e) {
      throw new EvidenceInvalidException(MALFORMED, "unparseable JWS: " + e.getMessage());
    }
    if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())
        || jws.getHeader().getType() == null
        || !EvidenceSigner.TYP.equals(jws.getHeader().getType().getType())
        || jws.getHeader().getCriticalParams() != null) {
      throw new EvidenceInvalidException(MALFORMED, "unexpected JWS header");
    }
    Evidence ev;
    try {
      ev = EvidenceJson.read(jws.getPayload().toBytes());
    } catch (IllegalArgumentException e) {
      throw new EvidenceInvalidException(MALFORMED, e.getMessage());
    }
    List<X509Certificate> chain = chain(jws);
    checkSigner(chain, ev);
    try {
      ECDSAVerifier v = new ECDSAVerifier((ECPublicKey) chain.get(0).getPublicKey());
      v.getJCAContext().setProvider(Crypto.BC);
      if (!jws.verify(v)) {
        throw new EvidenceInvalidException(BAD_SIGNATURE, "signature does not verify");
      }
    } catch (JOSEException | RuntimeException e) {
      throw new EvidenceInvalidException(BAD_SIGNATURE, "signature does not verify", e);
    }
    OptionalLong index = OptionalLong.empty();
    Optional<VerifiedFabricTransaction> fabric = Optional.empty();
    if (ev.ledger().isPresent()) {
      fabric = checkLedger(ev.ledger().get());
      index = OptionalLong.of(ev.ledger().get().index());
    }
    if (audio != null) {
      if (audio.length != ev.fileSize() || !Evidence.sha256Hex(audio).equals(ev.fileSha256())) {
        throw new EvidenceInvalidException(
            FILE_HASH_MISMATCH, "the audio is not the file the evidence describes");
      }
    }
    return new VerifiedEvidence(
        ev, chain.get(0).getSubjectX500Principal().getName(), index, fabric, audio != null);
  }

  private static void requireCanonical(String part) throws EvidenceInvalidException {
    try {
      byte[] raw = java.util.Base64.getUrlDecoder().decode(part);
      if (!java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw).equals(part)) {
        throw new EvidenceInvalidException(MALFORMED, "non-canonical base64url");
      }
    } catch (IllegalArgumentException e) {
      throw new EvidenceInvalidException(MALFORMED, "bad base64url");
    }
  }

  private static List<X509Certificate> chain(JWSObject jws) throws EvidenceInvalidException {
    List<Base64> x5c = jws.getHeader().getX509CertChain();
    if (x5c == null || x5c.isEmpty() || x5c.size() > 8) {
      throw new EvidenceInvalidException(MALFORMED, "no x5c certificate chain");
    }
    List<X509Certificate> out = new ArrayList<>();
    try {
      for (Base64 b : x5c) {
        out.add(Certs.parse(b.decode()));
      }
    } catch (CertificateException e) {
      throw new EvidenceInvalidException(MALFORMED, "unreadable x5c certificate");
    }
    return out;
  }

  private void checkSigner(List<X509Certificate> chain, Evidence ev)
      throws EvidenceInvalidException {
    X509Certificate leaf = chain.get(0);
    String err = CertProfile.chainsTo(chain, anchors, Date.from(ev.checkedAt()));
    if (err != null) {
      throw new EvidenceInvalidException(UNTRUSTED_SIGNER, err);
    }
    try {
      List<String> eku = leaf.getExtendedKeyUsage();
      boolean[] ku = leaf.getKeyUsage();
      if (eku == null || !eku.contains(Certs.DOCUMENT_SIGNING) || ku == null || !ku[0]) {
        throw new EvidenceInvalidException(
            UNTRUSTED_SIGNER, "signer certificate is not for evidence signing");
      }
    } catch (CertificateParsingException e) {
      throw new EvidenceInvalidException(UNTRUSTED_SIGNER, "unreadable signer certificate");
    }
  }

  /** Checks the ledger part; returns the Fabric transaction when one was checked. */
  private Optional<VerifiedFabricTransaction> checkLedger(LedgerFindings l)
      throws EvidenceInvalidException {
    try {
      LedgerRecord record = LedgerRecord.decode(l.record());
      if (l instanceof LedgerFindings.Tlog t) {
        checkTlog(t);
        return Optional.empty();
      }
      if (l instanceof LedgerFindings.Fabric f) {
        FabricEvidence fe = new FabricEvidence(new LedgerEntry(f.index(), record), f.transaction());
        return Optional.of(fabricVerifier(chaincodeOf(f)).verify(fe));
      }
      LedgerFindings.Anchored a = (LedgerFindings.Anchored) l;
      checkTlog(a.tlog());
      String note = TlogProof.parse(a.tlog().proof()).checkpointNote();
      return Optional.of(fabricVerifier("voxproof").verifyAnchor(a.anchor(), note));
    } catch (ProofVerificationException | RuntimeException e) {
      throw new EvidenceInvalidException(
          LEDGER_PROOF_INVALID, "ledger proof does not verify: " + e.getMessage(), e);
    }
  }

  private static void checkTlog(LedgerFindings.Tlog l)
      throws ProofVerificationException, EvidenceInvalidException {
    TlogProofVerifier v =
        TlogProofVerifier.builder()
            .origin(l.origin())
            .trust(Ed25519NoteKeys.parseVerifierKey(l.verifierKey()))
            .build();
    if (v.verifyEntry(l.proof(), l.record()).index() != l.index()) {
      throw new EvidenceInvalidException(LEDGER_PROOF_INVALID, "proof is for another index");
    }
  }

  private FabricEvidenceVerifier fabricVerifier(String chaincode) throws EvidenceInvalidException {
    if (fabricRoots.isEmpty()) {
      throw new EvidenceInvalidException(
          LEDGER_PROOF_INVALID,
          "Fabric ledger evidence needs the channel's MSP root certificates (--fabric-msp-roots)");
    }
    return FabricEvidenceVerifier.builder().trustMspRoots(fabricRoots).chaincode(chaincode).build();
  }

  /** {@code fabric:<channel>/<chaincode>}: the channel must be the transaction's. */
  private static String chaincodeOf(LedgerFindings.Fabric f) throws EvidenceInvalidException {
    String prefix = "fabric:" + f.transaction().channel() + "/";
    if (!f.origin().startsWith(prefix) || f.origin().length() == prefix.length()) {
      throw new EvidenceInvalidException(
          LEDGER_PROOF_INVALID, "origin " + f.origin() + " is not this transaction's channel");
    }
    return f.origin().substring(prefix.length());
  }
}
