package org.voxproof.consent.api;

import java.util.List;
import java.util.Optional;
import org.voxproof.consent.store.ConsentStore;
import org.voxproof.http.auth.BearerResolver;
import org.voxproof.http.auth.Principal;
import org.voxproof.http.auth.Role;
import org.voxproof.storage.StorageException;

/**
 * The consent service's bearer secrets for {@code BearerAuth}: invitations ({@code vxi_}, role
 * {@link Role#INVITEE}) and owner secrets ({@code vxo_}, role {@link Role#OWNER}). Both resolve to
 * a principal whose id is the enrolment id and whose organisation is the licensee's. Every request
 * reads the store, so a replaced owner secret fails on the next request.
 */
public final class OwnerCredentials {
  private OwnerCredentials() {}

  /** Both resolvers over {@code store}. */
  public static List<BearerResolver> resolvers(ConsentStore store) {
    return List.of(new Resolver(store, Secrets.INVITATION), new Resolver(store, Secrets.OWNER));
  }

  private record Resolver(ConsentStore store, String prefix) implements BearerResolver {
    @Override
    public Optional<Principal> resolve(String secret) throws StorageException {
      Optional<String> id = Secrets.enrolmentOf(secret);
      if (id.isEmpty() || !secret.startsWith(prefix)) {
        return Optional.empty();
      }
      Optional<ConsentStore.Credentials> c = store.credentials(id.get());
      if (c.isEmpty()) {
        return Optional.empty();
      }
      String presented = Secrets.hash(secret);
      boolean invitation = prefix.equals(Secrets.INVITATION);
      String stored = invitation ? c.get().invitationHash() : c.get().ownerSecretHash();
      if (!Secrets.sameHash(stored, presented)) {
        return Optional.empty();
      }
      Role role = invitation ? Role.INVITEE : Role.OWNER;
      return Optional.of(new Principal(role, id.get(), c.get().licenseeOrg()));
    }

    @Override
    public String toString() {
      return "OwnerCredentials[" + prefix + "]";
    }
  }
}
