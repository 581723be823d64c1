package org.voxproof.consent.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An enrolment as stored, without personal data (the owner's name stays sealed; {@link
 * ConsentStore#ownerName} opens it).
 *
 * @param id the enrolment id
 * @param licenseeClient the API client that started it
 * @param licenseeOrg the licensee organisation (the tokens' audience)
 * @param ownerId the owner's opaque id
 * @param voiceId the voice this enrolment consents
 * @param purposes purposes asked for
 * @param languages languages asked for
 * @param validDays how long a consent given here lasts
 * @param status {@code invited}, {@code open}, {@code consented} or {@code closed}
 * @param created when it was started
 * @param erased whether the owner's data was erased
 */
public record Enrolment(
    String id,
    String licenseeClient,
    String licenseeOrg,
    String ownerId,
    String voiceId,
    List<String> purposes,
    List<String> languages,
    int validDays,
    String status,
    Instant created,
    boolean erased) {
  public static final String INVITED = "invited";
  public static final String OPEN = "open";
  public static final String CONSENTED = "consented";
  public static final String CLOSED = "closed";

  public Enrolment {
    Objects.requireNonNull(id, "id");
    purposes = List.copyOf(purposes);
    languages = List.copyOf(languages);
  }
}
