package org.voxproof.ledger.fabric.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.util.List;
import java.util.Map;
import org.voxproof.ledger.ProofVerificationException;
import org.voxproof.ledger.ProofVerificationException.Reason;

/**
 * Protobuf parsing for evidence: a message that no signature or hash covers must be the one
 * canonical encoding of what it says (no unknown fields, no repeated or reordered fields, minimal
 * lengths), so that no changed byte in it can go unnoticed. Messages covered by a signature or hash
 * are parsed leniently: their bytes are what was signed.
 */
public final class StrictProto {
  private StrictProto() {}

  /** Parses a message whose bytes nothing else covers; rejects any non-canonical encoding. */
  public static <T extends Message> T canonical(Parser<T> parser, ByteString bytes, String what)
      throws ProofVerificationException {
    T m = parse(parser, bytes, what);
    requireNoUnknownFields(m, what);
    if (!m.toByteString().equals(bytes)) {
      throw malformed(what + " is not canonically encoded");
    }
    return m;
  }

  /** Parses a message covered by a signature or hash. */
  public static <T extends Message> T parse(Parser<T> parser, ByteString bytes, String what)
      throws ProofVerificationException {
    try {
      return parser.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw malformed("unreadable " + what);
    }
  }

  private static void requireNoUnknownFields(Message m, String what)
      throws ProofVerificationException {
    if (!m.getUnknownFields().asMap().isEmpty()) {
      throw malformed(what + " has unknown fields");
    }
    for (Map.Entry<FieldDescriptor, Object> f : m.getAllFields().entrySet()) {
      if (f.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (f.getValue() instanceof List<?> list) {
        for (Object o : list) {
          requireNoUnknownFields((Message) o, what);
        }
      } else {
        requireNoUnknownFields((Message) f.getValue(), what);
      }
    }
  }

  static ProofVerificationException malformed(String m) {
    return new ProofVerificationException(Reason.MALFORMED, m);
  }
}
