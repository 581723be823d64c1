package org.voxproof.app.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The owner's voice in the demo: <b>speech made for the demo by espeak-ng</b>, standing in for a
 * person reading the reference texts and the consent phrase into a microphone. The real consent
 * checks examine it (quality, phrase, replay, watermark, speaker); with an anti-spoofing model
 * configured (assurance {@code high}) a formant synthesizer would be refused as synthetic.
 */
final class DemoSpeech {
  /** An en-us voice the English phrase check recognizes (docs/consent-checks.md). */
  static final String VOICE = "en-us+m3";

  /**
   * Words per minute and the gap between words (10 ms units): read deliberately, as a person reads
   * a list of random words. Measured on the phrase check (20 challenges per voice): en-us+m3 and
   * en-us are accepted 17/20 at 140 wpm with a 80 ms gap, 21/27 and 20/27 at espeak's default 175.
   */
  static final int SPEED = 140;

  static final String GAP = "8";

  /** What the owner reads as reference samples: three sentences, over the 8 s needed. */
  static final List<String> SAMPLE_TEXTS =
      List.of(
          "The quick brown fox jumps over the lazy dog while the farmer watches from the gate.",
          "Every morning I walk to the station and buy a newspaper and a cup of coffee.",
          "Please call me back tomorrow afternoon, I would like to talk about the garden.");

  private final Path espeak;

  private final int speed;

  DemoSpeech(Path espeak) {
    this(espeak, SPEED);
  }

  /**
   * Another speaking rate: a different "recording" of the same texts, as another owner would make
   * (the replay check rightly refuses the same recording twice).
   */
  DemoSpeech(Path espeak, int wordsPerMinute) {
    this.espeak = espeak;
    this.speed = wordsPerMinute;
  }

  /** WAV bytes of {@code text} spoken by {@link #VOICE}; the text goes on stdin, never argv. */
  byte[] say(String text) throws IOException, InterruptedException {
    Path out = Files.createTempFile("voxproof-demo-speech", ".wav");
    try {
      Process p =
          new ProcessBuilder(
                  espeak.toString(),
                  "-v",
                  VOICE,
                  "-s",
                  Integer.toString(speed),
                  "-g",
                  GAP,
                  "-w",
                  out.toString(),
                  "--stdin",
                  "-b",
                  "1")
              .redirectErrorStream(true)
              .start();
      try (var in = p.getOutputStream()) {
        in.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("espeak-ng did not finish in 60 s");
      }
      if (p.exitValue() != 0) {
        throw new IOException("espeak-ng exited with " + p.exitValue());
      }
      return Files.readAllBytes(out);
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
