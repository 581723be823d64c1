package org.voxproof.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.voxproof.app.server.Databases;
import org.voxproof.http.auth.Role;
import org.voxproof.http.clients.ApiClient;
import org.voxproof.http.clients.ApiClientException;
import org.voxproof.http.clients.ApiClients;
import org.voxproof.http.clients.ClientNotFoundException;
import org.voxproof.http.clients.NewApiKey;
import org.voxproof.storage.Storage;
import org.voxproof.storage.StorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code voxproof admin}: API clients. Works while {@code serve} runs on the same data directory
 * (or database): a revocation or rotation takes effect on the server's next request. Exit codes: 0
 * done, 1 no such client, 2 bad input.
 */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = "Manage API clients (also while serve runs).",
    subcommands = {
      AdminCommand.Create.class,
      AdminCommand.ListClients.class,
      AdminCommand.Revoke.class,
      AdminCommand.Rotate.class
    })
public final class AdminCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** What every admin subcommand shares: the data directory, the database, error handling. */
  abstract static class ClientsWork implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DataDirOption dataDir;
    @Mixin DatabaseOption database;

    abstract int run(ApiClients clients) throws ApiClientException, StorageException;

    @Override
    public Integer call() throws StorageException {
      try (Storage db = Databases.open(dataDir.dir(), database.url())) {
        return run(ApiClients.open(db));
      } catch (ClientNotFoundException e) {
        err().println("voxproof: " + e.getMessage());
        return 1;
      } catch (ApiClientException e) {
        err().println("voxproof: " + e.getMessage());
        return 2;
      }
    }

    PrintWriter err() {
      return spec.commandLine().getErr();
    }

    /** Prints a new key: the key is the last word of the last line; a warning on stderr. */
    void printKey(String verb, NewApiKey k) {
      err().println("voxproof: store this key now; it is not shown again and cannot be recovered");
      ApiClient c = k.client();
      System.out.printf(
          "%s client %s (%s, role %s, expires %s): %s%n",
          verb,
          c.id(),
          c.name(),
          c.role().wire(),
          c.expires().atOffset(ZoneOffset.UTC).toLocalDate(),
          k.key());
      System.out.flush();
    }
  }

  @Command(
      name = "create-client",
      mixinStandardHelpOptions = true,
      description = "Create an API client; prints its key as the last word of the last line.")
  static final class Create extends ClientsWork {
    @Option(
        names = "--name",
        required = true,
        description = "Unique name (letters, digits, . _ -).")
    String name;

    @Option(
        names = "--role",
        required = true,
        description =
            "licensee, platform, police, operator or service (another node of a scaled-out deployment, serve --only).")
    String role;

    @Option(names = "--org", description = "Organisation it acts for (default: the name).")
    String organisation;

    @Option(
        names = "--expires-days",
        description = "Days the key works (1-3650; default: ${DEFAULT-VALUE}).")
    int expiresDays = 365;

    @Override
    int run(ApiClients clients) throws ApiClientException, StorageException {
      Role r;
      try {
        r = Role.parse(role);
      } catch (IllegalArgumentException e) {
        throw new ApiClientException(
            "--role must be licensee, platform, police, operator or service");
      }
      if (expiresDays < 1 || expiresDays > 3650) {
        throw new ApiClientException("--expires-days must be 1 to 3650");
      }
      String org = organisation == null ? name : organisation;
      printKey("created", clients.create(name, r, org, Duration.ofDays(expiresDays)));
      return 0;
    }
  }

  @Command(
      name = "list-clients",
      mixinStandardHelpOptions = true,
      description = "List API clients as JSON (never their keys).")
  static final class ListClients extends ClientsWork {
    @Override
    int run(ApiClients clients) throws StorageException {
      Instant now = Clock.systemUTC().instant();
      List<Map<String, Object>> all = clients.list().stream().map(c -> c.toJson(now)).toList();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("clients", all);
      Json.print(System.out, out);
      return 0;
    }
  }

  @Command(
      name = "revoke-client",
      mixinStandardHelpOptions = true,
      description = "Revoke a client's key at once; prints the client as JSON.")
  static final class Revoke extends ClientsWork {
    @Parameters(paramLabel = "CLIENT", description = "The client's id or name.")
    String client;

    @Override
    int run(ApiClients clients) throws ApiClientException, StorageException {
      Json.print(System.out, clients.revoke(client).toJson(Clock.systemUTC().instant()));
      return 0;
    }
  }

  @Command(
      name = "rotate-client",
      mixinStandardHelpOptions = true,
      description =
          "Replace a client's key (the old one fails at once); prints the new key as the last"
              + " word of the last line.")
  static final class Rotate extends ClientsWork {
    @Parameters(paramLabel = "CLIENT", description = "The client's id or name.")
    String client;

    @Override
    int run(ApiClients clients) throws ApiClientException, StorageException {
      printKey("rotated", clients.rotate(client));
      return 0;
    }
  }
}
