package org.voxproof.http.auth;

import java.util.Objects;

/**
 * The authenticated caller of a request.
 *
 * @param role what the caller may do
 * @param id the API client id, or the enrolment id for an owner or invitee; never a secret
 * @param organisation the organisation the caller acts for (a licensee's id for its owners)
 */
public record Principal(Role role, String id, String organisation) {
  public Principal {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(organisation, "organisation");
  }
}
