package org.voxproof.ledger.fabric.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.FabricOUIdentifier;

/**
 * One X.509 membership service provider of a channel configuration (SPEC: Fabric msp/mspimpl.go,
 * v1.4.3+ semantics): which certificates are its members, and which of them are clients, peers,
 * orderers and admins.
 */
public final class Msp {
  /** A certificate validated by this MSP, with its chain up to one of the MSP's roots. */
  public record Member(Msp msp, X509Certificate cert, List<X509Certificate> chain) {}

  private final String id;
  private final List<X509Certificate> roots;
  private final List<X509Certificate> intermediates;
  private final List<byte[]> admins;
  private final List<CRL> revoked;
  private final FabricMSPConfig config;

  private Msp(String id, FabricMSPConfig c) throws GeneralSecurityException {
    this.id = id;
    this.config = c;
    this.roots = certs(c.getRootCertsList());
    this.intermediates = certs(c.getIntermediateCertsList());
    List<byte[]> a = new ArrayList<>();
    for (X509Certificate admin : certs(c.getAdminsList())) {
      a.add(admin.getEncoded());
    }
    this.admins = a;
    List<CRL> crls = new ArrayList<>();
    for (ByteString crl : c.getRevocationListList()) {
      crls.addAll(CertificateFactory.getInstance("X.509").generateCRLs(crl.newInput()));
    }
    this.revoked = crls;
  }

  /** Parses the {@code FabricMSPConfig} bytes of a config group's {@code MSP} value. */
  static Msp parse(String id, ByteString fabricMspConfig)
      throws GeneralSecurityException, InvalidProtocolBufferException {
    FabricMSPConfig c = FabricMSPConfig.parseFrom(fabricMspConfig);
    if (!c.getName().equals(id) || c.getRootCertsCount() == 0) {
      throw new GeneralSecurityException("MSP " + id + " is not a usable X.509 MSP");
    }
    return new Msp(id, c);
  }

  public String id() {
    return id;
  }

  /** The MSP's root certificates. */
  public List<X509Certificate> roots() {
    return roots;
  }

  /**
   * Validates a certificate: a chain to one of the roots through the MSP's intermediates, not
   * revoked, and (with node OUs on) exactly one node role. Like Fabric, validity dates are not
   * checked: evidence stays verifiable after the certificates expire.
   */
  public Optional<Member> validate(X509Certificate cert) {
    List<X509Certificate> chain = new ArrayList<>(List.of(cert));
    X509Certificate at = cert;
    for (int depth = 0; depth < 6; depth++) {
      for (X509Certificate r : roots) {
        if (at.getIssuerX500Principal().equals(r.getSubjectX500Principal())
            && Ecdsa.issued(r, at)) {
          chain.add(r);
          Member m = new Member(this, cert, List.copyOf(chain));
          return notRevoked(cert) && nodeRoles(m) <= 1 && (!nodeOus() || nodeRoles(m) == 1)
              ? Optional.of(m)
              : Optional.empty();
        }
      }
      X509Certificate next = issuer(at);
      if (next == null) {
        return Optional.empty();
      }
      chain.add(next);
      at = next;
    }
    return Optional.empty();
  }

  /** Whether a member has the role (SPEC: Fabric satisfiesPrincipalInternalV143). */
  public boolean hasRole(Member m, MSPRole.MSPRoleType role) {
    return switch (role) {
      case MEMBER -> true;
      case ADMIN ->
          isAdmin(m) || (nodeOus() && hasOu(m, config.getFabricNodeOus().getAdminOuIdentifier()));
      case CLIENT -> nodeOus() && hasOu(m, config.getFabricNodeOus().getClientOuIdentifier());
      case PEER -> nodeOus() && hasOu(m, config.getFabricNodeOus().getPeerOuIdentifier());
      case ORDERER -> nodeOus() && hasOu(m, config.getFabricNodeOus().getOrdererOuIdentifier());
      default -> false;
    };
  }

  /** Whether the member may endorse: a peer where node OUs are on, any member otherwise. */
  public boolean canEndorse(Member m) {
    return !nodeOus() || hasRole(m, MSPRole.MSPRoleType.PEER);
  }

  /** Whether the member's certificate carries this organisational unit (and its certifier). */
  public boolean hasOu(Member m, FabricOUIdentifier ou) {
    if (ou.getOrganizationalUnitIdentifier().isEmpty()) {
      return false;
    }
    if (!ou.getCertificate().isEmpty() && !inChain(m, ou.getCertificate())) {
      return false;
    }
    return ous(m.cert()).contains(ou.getOrganizationalUnitIdentifier());
  }

  private boolean nodeOus() {
    return config.hasFabricNodeOus() && config.getFabricNodeOus().getEnable();
  }

  private int nodeRoles(Member m) {
    if (!nodeOus()) {
      return 0;
    }
    var n = config.getFabricNodeOus();
    int roles = 0;
    for (FabricOUIdentifier ou :
        List.of(
            n.getClientOuIdentifier(),
            n.getPeerOuIdentifier(),
            n.getAdminOuIdentifier(),
            n.getOrdererOuIdentifier())) {
      if (hasOu(m, ou)) {
        roles++;
      }
    }
    return roles;
  }

  private boolean isAdmin(Member m) {
    try {
      byte[] der = m.cert().getEncoded();
      return admins.stream().anyMatch(a -> java.util.Arrays.equals(a, der));
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static boolean inChain(Member m, ByteString pem) {
    try {
      X509Certificate c = Ecdsa.certificate(pem.toByteArray());
      return m.chain().subList(1, m.chain().size()).contains(c);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private X509Certificate issuer(X509Certificate c) {
    for (X509Certificate i : intermediates) {
      if (c.getIssuerX500Principal().equals(i.getSubjectX500Principal()) && Ecdsa.issued(i, c)) {
        return i;
      }
    }
    return null;
  }

  private boolean notRevoked(X509Certificate c) {
    return revoked.stream().noneMatch(crl -> crl.isRevoked(c));
  }

  static List<String> ous(X509Certificate c) {
    List<String> out = new ArrayList<>();
    try {
      for (Rdn rdn : new LdapName(c.getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("OU")) {
          out.add(rdn.getValue().toString());
        }
      }
    } catch (InvalidNameException e) {
      return List.of();
    }
    return out;
  }

  private static List<X509Certificate> certs(Collection<ByteString> pems)
      throws GeneralSecurityException {
    List<X509Certificate> out = new ArrayList<>();
    for (ByteString p : pems) {
      out.add(Ecdsa.certificate(p.toByteArray()));
    }
    return out;
  }
}
