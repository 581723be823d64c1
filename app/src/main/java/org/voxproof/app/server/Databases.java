package org.voxproof.app.server;

import java.nio.file.Path;
import org.voxproof.storage.Storage;
import org.voxproof.storage.StorageException;

/**
 * Which database {@code serve} and {@code admin} use: the embedded SQLite file in the data
 * directory, or PostgreSQL when a URL is given ({@code --db-url}, or {@code VOXPROOF_DB_URL}); the
 * PostgreSQL user and password come from {@code VOXPROOF_DB_USER} and {@code VOXPROOF_DB_PASSWORD}
 * (never from the command line, where other users could read them).
 */
public final class Databases {
  public static final String URL_ENV = "VOXPROOF_DB_URL";
  public static final String USER_ENV = "VOXPROOF_DB_USER";
  public static final String PASSWORD_ENV = "VOXPROOF_DB_PASSWORD";

  private Databases() {}

  /** Opens the database for {@code dataDir}; {@code url} null or empty means embedded. */
  public static Storage open(Path dataDir, String url) throws StorageException {
    if (url == null || url.isEmpty()) {
      return Storage.builder().embedded(dataDir).open();
    }
    return Storage.builder()
        .postgres(url)
        .user(System.getenv(USER_ENV))
        .password(System.getenv(PASSWORD_ENV))
        .open();
  }
}
