package org.voxproof.storage;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One component's schema: Flyway migrations ({@code V1__what.sql}, {@code V2__...}) in a classpath
 * folder, versioned on their own and recorded in the component's own history table ({@code
 * schema_history_<component>}), so every module adds its tables without coordinating version
 * numbers with the others. Tables are prefixed with the component's name by convention. Write SQL
 * both backends accept (TEXT, BIGINT, hex for bytes; no BLOB/BYTEA, no booleans).
 *
 * @param component a short lowercase name, e.g. {@code clients}, {@code consent}
 * @param location a classpath folder, e.g. {@code org/voxproof/http/clients/db}
 */
public record Migrations(String component, String location) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,30}");

  public Migrations {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(location, "location");
    if (!NAME.matcher(component).matches()) {
      throw new IllegalArgumentException("component must match " + NAME + ": " + component);
    }
    if (location.startsWith("classpath:") || location.startsWith("/")) {
      throw new IllegalArgumentException("location is a classpath folder without prefix");
    }
  }

  /** The component's Flyway history table. */
  public String historyTable() {
    return "schema_history_" + component;
  }
}
