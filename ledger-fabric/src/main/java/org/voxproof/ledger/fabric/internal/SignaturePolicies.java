package org.voxproof.ledger.fabric.internal;

import java.util.HexFormat;
import java.util.List;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.OrganizationUnit;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.voxproof.ledger.ProofVerificationException;

/**
 * SPEC: Fabric common/cauthdsl/cauthdsl.go: evaluates a signature policy over verified signers;
 * each signer satisfies at most one {@code signed_by} leaf, {@code n_out_of} counts satisfied
 * sub-rules greedily in order, as Fabric does.
 */
final class SignaturePolicies {
  private final List<MSPPrincipal> principals;
  private final List<ChannelConfig.Signer> signers;

  SignaturePolicies(List<MSPPrincipal> principals, List<ChannelConfig.Signer> signers) {
    this.principals = principals;
    this.signers = signers;
  }

  boolean satisfied(SignaturePolicy rule) throws ProofVerificationException {
    return eval(rule, new boolean[signers.size()], 0);
  }

  private boolean eval(SignaturePolicy rule, boolean[] used, int depth)
      throws ProofVerificationException {
    if (depth > 16) {
      throw StrictProto.malformed("signature policy nested too deep");
    }
    if (rule.hasNOutOf()) {
      int verified = 0;
      for (SignaturePolicy sub : rule.getNOutOf().getRulesList()) {
        boolean[] trial = used.clone();
        if (eval(sub, trial, depth + 1)) {
          verified++;
          System.arraycopy(trial, 0, used, 0, used.length);
        }
      }
      return verified >= rule.getNOutOf().getN();
    }
    if (rule.getSignedBy() < 0 || rule.getSignedBy() >= principals.size()) {
      throw StrictProto.malformed("signature policy names an unknown principal");
    }
    MSPPrincipal p = principals.get(rule.getSignedBy());
    for (int i = 0; i < signers.size(); i++) {
      if (!used[i] && satisfies(signers.get(i), p)) {
        used[i] = true;
        return true;
      }
    }
    return false;
  }

  /** SPEC: Fabric msp/mspimpl.go satisfiesPrincipalInternalV143 (ROLE, IDENTITY, OU). */
  static boolean satisfies(ChannelConfig.Signer s, MSPPrincipal p) {
    Msp.Member m = s.member();
    try {
      switch (p.getPrincipalClassification()) {
        case ROLE -> {
          MSPRole role = MSPRole.parseFrom(p.getPrincipal());
          return role.getMspIdentifier().equals(m.msp().id()) && m.msp().hasRole(m, role.getRole());
        }
        case IDENTITY -> {
          return p.getPrincipal().equals(s.serializedIdentity());
        }
        case ORGANIZATION_UNIT -> {
          OrganizationUnit ou = OrganizationUnit.parseFrom(p.getPrincipal());
          return ou.getMspIdentifier().equals(m.msp().id())
              && Msp.ous(m.cert()).contains(ou.getOrganizationalUnitIdentifier())
              && certifiedBy(m, ou.getCertifiersIdentifier().toByteArray());
        }
        default -> {
          return false;
        }
      }
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      return false;
    }
  }

  private static boolean certifiedBy(Msp.Member m, byte[] certifier) {
    if (certifier.length == 0) {
      return true;
    }
    String want = HexFormat.of().formatHex(certifier);
    return m.chain().stream()
        .skip(1)
        .anyMatch(
            c -> {
              try {
                return HexFormat.of().formatHex(Ecdsa.sha256(c.getEncoded())).equals(want);
              } catch (java.security.cert.CertificateEncodingException e) {
                return false;
              }
            });
  }
}
