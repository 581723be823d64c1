package org.voxproof.ledger.fabric.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.GeneralSecurityException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigPolicy;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.ImplicitMetaPolicy;
import org.hyperledger.fabric.protos.common.Policy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MSPConfig;
import org.voxproof.ledger.ProofVerificationException;

/**
 * A channel configuration as far as evidence needs it: the MSPs of the orderer and application
 * organisations, and the orderer group's {@code BlockValidation} policy (SPEC: Fabric
 * common/channelconfig; the group and value names are Fabric's: {@code Orderer}, {@code
 * Application}, {@code MSP}).
 */
public final class ChannelConfig {
  /** SPEC: Fabric common/policies: {@code /Channel/Orderer/BlockValidation}. */
  public static final String BLOCK_VALIDATION = "BlockValidation";

  private final ConfigGroup orderer;
  private final Map<String, Msp> msps = new LinkedHashMap<>();
  private final Set<String> ordererOrgs = new HashSet<>();
  private final Set<String> applicationOrgs = new HashSet<>();

  private ChannelConfig(Config config) throws ProofVerificationException {
    ConfigGroup channel = config.getChannelGroup();
    this.orderer = channel.getGroupsMap().get("Orderer");
    ConfigGroup application = channel.getGroupsMap().get("Application");
    if (orderer == null || application == null) {
      throw StrictProto.malformed("channel config without Orderer and Application groups");
    }
    addOrgs(orderer, ordererOrgs);
    addOrgs(application, applicationOrgs);
    if (ordererOrgs.isEmpty() || applicationOrgs.isEmpty()) {
      throw StrictProto.malformed("channel config without orderer or application organisations");
    }
  }

  /** Reads the config of a configuration block's envelope payload data ({@code ConfigEnvelope}). */
  public static ChannelConfig of(Config config) throws ProofVerificationException {
    return new ChannelConfig(config);
  }

  private void addOrgs(ConfigGroup group, Set<String> into) throws ProofVerificationException {
    for (ConfigGroup orgGroup : group.getGroupsMap().values()) {
      ConfigValue v = orgGroup.getValuesMap().get("MSP");
      if (v == null) {
        throw StrictProto.malformed("organisation without an MSP");
      }
      try {
        MSPConfig mc = MSPConfig.parseFrom(v.getValue());
        if (mc.getType() != 0) {
          throw StrictProto.malformed("only X.509 (FABRIC) MSPs are supported");
        }
        FabricMSPConfig fabric = FabricMSPConfig.parseFrom(mc.getConfig());
        Msp msp = msps.get(fabric.getName());
        if (msp == null) {
          msp = Msp.parse(fabric.getName(), mc.getConfig());
          msps.put(msp.id(), msp);
        }
        into.add(msp.id());
      } catch (InvalidProtocolBufferException | GeneralSecurityException e) {
        throw StrictProto.malformed("unreadable MSP definition: " + e.getMessage());
      }
    }
  }

  /** Every MSP of the channel, by MSP id. */
  public Map<String, Msp> msps() {
    return Map.copyOf(msps);
  }

  public Set<String> ordererOrgs() {
    return Set.copyOf(ordererOrgs);
  }

  public Set<String> applicationOrgs() {
    return Set.copyOf(applicationOrgs);
  }

  /** Whether the signers satisfy the orderer group's {@code BlockValidation} policy. */
  public boolean blockValidation(List<Signer> signers) throws ProofVerificationException {
    return evaluate(orderer, BLOCK_VALIDATION, signers);
  }

  /** A member that produced a verified signature, with its serialized identity. */
  public record Signer(Msp.Member member, ByteString serializedIdentity) {}

  private boolean evaluate(ConfigGroup group, String name, List<Signer> signers)
      throws ProofVerificationException {
    ConfigPolicy cp = group.getPoliciesMap().get(name);
    if (cp == null) {
      return false;
    }
    Policy p = cp.getPolicy();
    try {
      if (p.getType() == Policy.PolicyType.SIGNATURE_VALUE) {
        SignaturePolicyEnvelope env = SignaturePolicyEnvelope.parseFrom(p.getValue());
        return new SignaturePolicies(env.getIdentitiesList(), signers).satisfied(env.getRule());
      }
      if (p.getType() == Policy.PolicyType.IMPLICIT_META_VALUE) {
        return implicitMeta(group, ImplicitMetaPolicy.parseFrom(p.getValue()), signers);
      }
    } catch (InvalidProtocolBufferException e) {
      throw StrictProto.malformed("unreadable policy " + name);
    }
    throw StrictProto.malformed("unsupported policy type " + p.getType());
  }

  /** SPEC: Fabric common/policies/implicitmeta.go: ANY 1, ALL n, MAJORITY n/2+1 sub-policies. */
  private boolean implicitMeta(ConfigGroup group, ImplicitMetaPolicy imp, List<Signer> signers)
      throws ProofVerificationException {
    int n = group.getGroupsCount();
    int threshold =
        switch (imp.getRule()) {
          case ANY -> Math.min(1, n);
          case ALL -> n;
          case MAJORITY -> n / 2 + 1;
          default -> throw StrictProto.malformed("unknown implicit meta rule");
        };
    int satisfied = 0;
    for (ConfigGroup sub : group.getGroupsMap().values()) {
      if (evaluate(sub, imp.getSubPolicy(), signers)) {
        satisfied++;
      }
    }
    return satisfied >= threshold;
  }
}
