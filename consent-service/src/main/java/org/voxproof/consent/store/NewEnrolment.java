package org.voxproof.consent.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What starting an enrolment stores. {@code ownerName} is sealed under a fresh owner key before it
 * reaches the database; the invitation is stored only as its hash.
 */
public record NewEnrolment(
    String id,
    String licenseeClient,
    String licenseeOrg,
    String ownerId,
    String voiceId,
    String ownerName,
    List<String> purposes,
    List<String> languages,
    int validDays,
    String invitationHash,
    Instant invitationExpires,
    Instant created) {
  public NewEnrolment {
    Objects.requireNonNull(ownerName, "ownerName");
    purposes = List.copyOf(purposes);
    languages = List.copyOf(languages);
  }

  @Override
  public String toString() {
    return "NewEnrolment[" + id + "]"; // never the owner's name
  }
}
