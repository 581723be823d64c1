package org.voxproof.bench.consent;

import java.io.IOException;
import java.io.PrintWriter;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.voxproof.consent.checks.Challenge;
import org.voxproof.consent.checks.internal.Challenges;
import org.voxproof.consent.checks.internal.PhraseCheck;

/**
 * The English phrase check (Sphinx4 grammar) on espeak-ng voices: per voice, a fresh challenge
 * spoken right (should pass), the same statement with other random words (should fail), and a
 * different sentence (should fail).
 */
final class PhraseAccuracy {
  /** Counts of correct decisions out of trials, per case. */
  record Result(int rightAccepted, int rightTrials, int wrongRejected, int wrongTrials) {}

  private PhraseAccuracy() {}

  static Result run(List<String> voices, PrintWriter err)
      throws IOException, NoSuchAlgorithmException {
    SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
    seeded.setSeed(20261202L);
    Challenges challenges = new Challenges(seeded);
    PhraseCheck check = new PhraseCheck(Map.of(), 0.15);
    int ra = 0;
    int rt = 0;
    int wr = 0;
    int wt = 0;
    List<String> owners = List.of("Alice Smith", "John Carter", "Maria Lopez", "David Brown");
    for (int i = 0; i < voices.size(); i++) {
      String v = voices.get(i);
      Challenge c =
          challenges.make(
              "en", owners.get(i % owners.size()), "Acme Bank", List.of("customer-service", "ads"));
      Challenge other =
          challenges.make(
              "en", owners.get(i % owners.size()), "Acme Bank", List.of("customer-service", "ads"));
      boolean right = check.says(say(v, c.phrase()), c);
      boolean otherWords = check.says(say(v, other.phrase()), c);
      boolean sentence = check.says(say(v, BenchVoices.TEXTS.get(i % BenchVoices.TEXTS.size())), c);
      ra += right ? 1 : 0;
      rt++;
      wr += (otherWords ? 0 : 1) + (sentence ? 0 : 1);
      wt += 2;
      err.printf(
          "  %-22s right phrase %s, other random words %s, other sentence %s%n",
          v,
          right ? "accepted" : "REJECTED",
          otherWords ? "ACCEPTED" : "rejected",
          sentence ? "ACCEPTED" : "rejected");
    }
    return new Result(ra, rt, wr, wt);
  }

  private static float[] say(String voice, String text) throws IOException {
    return BenchVoices.tool(List.of("espeak-ng", "-v", voice, "-w", "OUT", text));
  }
}
