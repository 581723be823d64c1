package org.voxproof.app.cli;

import org.voxproof.app.server.Databases;
import picocli.CommandLine.Option;

/**
 * The {@code --db-url} option of the commands that use the database ({@code serve}, {@code admin}).
 */
public final class DatabaseOption {
  @Option(
      names = "--db-url",
      paramLabel = "JDBC-URL",
      defaultValue = "${env:" + Databases.URL_ENV + "}",
      description =
          "PostgreSQL, e.g. jdbc:postgresql://127.0.0.1:5432/voxproof (default: $"
              + Databases.URL_ENV
              + ", else SQLite in the data directory). User and password from $"
              + Databases.USER_ENV
              + " and $"
              + Databases.PASSWORD_ENV
              + ".")
  String url;

  /** The URL, or null for the embedded database. */
  public String url() {
    return url == null || url.isEmpty() ? null : url;
  }
}
