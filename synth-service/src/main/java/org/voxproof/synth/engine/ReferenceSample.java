package org.voxproof.synth.engine;

import java.util.Objects;

/**
 * An owner's reference recording for few-shot cloning: personal data. Held in memory only for the
 * call; handed to GPT-SoVITS through a private directory that is deleted afterwards. {@link
 * #toString()} prints neither audio nor transcript.
 *
 * @param audio the recording (mono)
 * @param transcript what is said in it ("" when unknown)
 * @param language its language (BCP 47)
 */
public record ReferenceSample(Pcm audio, String transcript, String language) {
  public ReferenceSample {
    Objects.requireNonNull(audio, "audio");
    Objects.requireNonNull(transcript, "transcript");
    Objects.requireNonNull(language, "language");
  }

  @Override
  public String toString() {
    return String.format("ReferenceSample[%.1f s, %s]", audio.seconds(), language);
  }
}
