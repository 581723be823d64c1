package org.voxproof.consent.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.voxproof.consent.checks.Challenge;
import org.voxproof.consent.checks.VoicePrint;

/** Byte encodings of what the store seals: voice prints and challenges. */
final class Codec {
  private Codec() {}

  static byte[] print(VoicePrint p) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      out.writeUTF(p.model());
      float[] v = p.vector();
      out.writeInt(v.length);
      for (float f : v) {
        out.writeFloat(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  static VoicePrint print(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      String model = in.readUTF();
      int n = in.readInt();
      if (n < 0 || n > data.length / 4) {
        throw new IllegalArgumentException("corrupt voice print");
      }
      float[] v = new float[n];
      for (int i = 0; i < n; i++) {
        v[i] = in.readFloat();
      }
      return new VoicePrint(model, v);
    } catch (IOException e) {
      throw new IllegalArgumentException("corrupt voice print", e);
    }
  }

  static byte[] challenge(Challenge c) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      out.writeUTF(c.language());
      out.writeUTF(c.statement());
      out.writeInt(c.words().size());
      for (String w : c.words()) {
        out.writeUTF(w);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  static Challenge challenge(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      String language = in.readUTF();
      String statement = in.readUTF();
      int n = in.readInt();
      if (n < 0 || n > 64) {
        throw new IllegalArgumentException("corrupt challenge");
      }
      List<String> words = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        words.add(in.readUTF());
      }
      return new Challenge(language, statement, words);
    } catch (IOException e) {
      throw new IllegalArgumentException("corrupt challenge", e);
    }
  }
}
