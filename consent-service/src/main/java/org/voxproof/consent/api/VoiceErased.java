package org.voxproof.consent.api;

import java.util.List;
import java.util.Objects;

/**
 * A voice was erased (no personal data): what services holding voice models must act on. The app
 * forwards it on the Vert.x event bus ({@link ConsentRoutes#ERASED_ADDRESS}, the address and shape
 * synth-service's {@code ErasureSubscriber} reads) and the ledger carries one {@code ERASURE}
 * record per consent commitment for other processes.
 *
 * @param eventId the erasure's id (ledger records are {@code eventId + "." + n})
 * @param voiceId the erased voice
 * @param commitments the commitments (hex) of every consent the voice had
 */
public record VoiceErased(String eventId, String voiceId, List<String> commitments) {
  public VoiceErased {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(voiceId, "voiceId");
    commitments = List.copyOf(commitments);
  }

  /** Told after an erasure was committed and recorded in the ledger. */
  @FunctionalInterface
  public interface Listener {
    void erased(VoiceErased event);
  }
}
