package org.voxproof.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.voxproof.ledger.ProofVerificationException;
import org.voxproof.testkit.Shared;

/** Every file of transparency-dev/merkle testdata/{inclusion,consistency}, read in place. */
class MerkleVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> inclusionFiles() throws IOException {
    return files("inclusion");
  }

  static Stream<Path> consistencyFiles() throws IOException {
    return files("consistency");
  }

  static Stream<Path> subtreeInclusionFiles() throws IOException {
    return files("subtreeinclusion");
  }

  static Stream<Path> subtreeConsistencyFiles() throws IOException {
    return files("subtreeconsistency");
  }

  private static Stream<Path> files(String set) throws IOException {
    Path dir = Shared.testVectors("merkle").resolve("testdata").resolve(set);
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @Test
  void vectors_allPresent() throws IOException {
    assertThat(inclusionFiles().count()).isEqualTo(98);
    assertThat(consistencyFiles().count()).isEqualTo(98);
    assertThat(subtreeInclusionFiles().count()).isEqualTo(204);
    assertThat(subtreeConsistencyFiles().count()).isEqualTo(118);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inclusionFiles")
  void verifyInclusion_vector(Path file) throws Exception {
    JsonNode v = JSON.readTree(file.toFile());
    long index = Long.parseUnsignedLong(v.get("leafIdx").asText());
    long size = Long.parseUnsignedLong(v.get("treeSize").asText());
    byte[] root = b64(v.get("root"));
    byte[] leaf = b64(v.get("leafHash"));
    List<byte[]> proof = hashes(v.get("proof"));
    if (v.get("wantErr").asBoolean()) {
      assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(index, size, leaf, proof, root))
          .isInstanceOf(ProofVerificationException.class);
    } else {
      MerkleVerifier.verifyInclusion(index, size, leaf, proof, root);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("consistencyFiles")
  void verifyConsistency_vector(Path file) throws Exception {
    JsonNode v = JSON.readTree(file.toFile());
    long size1 = Long.parseUnsignedLong(v.get("size1").asText());
    long size2 = Long.parseUnsignedLong(v.get("size2").asText());
    byte[] root1 = b64(v.get("root1"));
    byte[] root2 = b64(v.get("root2"));
    List<byte[]> proof = hashes(v.get("proof"));
    if (v.get("wantErr").asBoolean()) {
      assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(size1, size2, proof, root1, root2))
          .isInstanceOf(ProofVerificationException.class);
    } else {
      MerkleVerifier.verifyConsistency(size1, size2, proof, root1, root2);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("subtreeInclusionFiles")
  void verifySubtreeInclusion_vector(Path file) throws Exception {
    JsonNode v = JSON.readTree(file.toFile());
    long index = Long.parseUnsignedLong(v.get("leafIdx").asText());
    long start = Long.parseUnsignedLong(v.get("start").asText());
    long end = Long.parseUnsignedLong(v.get("end").asText());
    byte[] root = b64(v.get("root"));
    byte[] leaf = b64(v.get("leafHash"));
    List<byte[]> proof = hashes(v.get("proof"));
    if (v.get("wantErr").asBoolean()) {
      assertThatThrownBy(
              () -> SubtreeVerifier.verifyInclusion(index, start, end, leaf, proof, root))
          .isInstanceOf(ProofVerificationException.class);
    } else {
      SubtreeVerifier.verifyInclusion(index, start, end, leaf, proof, root);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("subtreeConsistencyFiles")
  void verifySubtreeConsistency_vector(Path file) throws Exception {
    JsonNode v = JSON.readTree(file.toFile());
    long start = Long.parseUnsignedLong(v.get("start").asText());
    long end = Long.parseUnsignedLong(v.get("end").asText());
    long size = Long.parseUnsignedLong(v.get("size").asText());
    byte[] subRoot = b64(v.get("root1"));
    byte[] root = b64(v.get("root2"));
    List<byte[]> proof = hashes(v.get("proof"));
    if (v.get("wantErr").asBoolean()) {
      assertThatThrownBy(
              () -> SubtreeVerifier.verifyConsistency(start, end, size, proof, subRoot, root))
          .isInstanceOf(ProofVerificationException.class);
    } else {
      SubtreeVerifier.verifyConsistency(start, end, size, proof, subRoot, root);
    }
  }

  private static byte[] b64(JsonNode n) {
    return n == null || n.isNull() ? new byte[0] : Base64.getDecoder().decode(n.asText());
  }

  private static List<byte[]> hashes(JsonNode n) {
    List<byte[]> out = new ArrayList<>();
    if (n != null && !n.isNull()) {
      n.forEach(h -> out.add(b64(h)));
    }
    return out;
  }
}
