package org.voxproof.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where {@code serve}'s options come from when not given as flags: {@code VOXPROOF_<OPTION>}
 * environment variables ({@code --tls-cert} is {@code VOXPROOF_TLS_CERT}), then the {@code
 * --config} file (or {@code $VOXPROOF_CONFIG}), then the built-in defaults. A file key or a {@code
 * VOXPROOF_*} variable that names no option (and is not one of the other variables VoxProof reads,
 * {@link #OTHER_ENV}) is an error, so a typo never silently falls back to a default.
 */
public final class ServeDefaults implements IDefaultValueProvider {
  /** Environment variables VoxProof reads elsewhere (secrets, tools, tests): not options. */
  static final Set<String> OTHER_ENV =
      Set.of(
          "VOXPROOF_CONFIG",
          "VOXPROOF_KEYSTORE_PASSWORD",
          "VOXPROOF_PKCS11_CONFIG",
          "VOXPROOF_PKCS11_PIN",
          "VOXPROOF_DB_USER",
          "VOXPROOF_DB_PASSWORD",
          "VOXPROOF_API_KEY",
          "VOXPROOF_SERVICE_KEY",
          "VOXPROOF_JAVA_OPTS",
          "VOXPROOF_DEBUG");

  /** Prefixes of variables the test suites read. */
  static final List<String> OTHER_ENV_PREFIXES =
      List.of(
          "VOXPROOF_FABRIC_LIVE",
          "VOXPROOF_C2PA_",
          "VOXPROOF_TEST_",
          "VOXPROOF_AXE_",
          "VOXPROOF_CHROM",
          "VOXPROOF_WEB_");

  /** A configuration that cannot be used: the message is the one line the user sees. */
  public static final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
      super(message);
    }
  }

  private final Map<String, String> env;
  private final Map<String, String> file;

  private ServeDefaults(Map<String, String> env, Map<String, String> file) {
    this.env = env;
    this.file = file;
  }

  /**
   * The defaults for {@code serve} run with {@code args} (the words after {@code serve}).
   *
   * @throws ConfigException the file cannot be read or parsed, or names an unknown key; or a {@code
   *     VOXPROOF_*} variable names no option
   */
  public static ServeDefaults load(CommandSpec serve, List<String> args, Map<String, String> env)
      throws ConfigException {
    Set<String> keys = keys(serve);
    Map<String, String> byEnv = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : env.entrySet()) {
      String name = e.getKey();
      if (!name.startsWith("VOXPROOF_") || other(name)) {
        continue;
      }
      String key = name.substring("VOXPROOF_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
      if (!keys.contains(key)) {
        throw new ConfigException(
            "environment variable "
                + name
                + " names no serve option (known: "
                + envNames(keys)
                + ")");
      }
      byEnv.put(key, e.getValue());
    }
    String path = configArg(args);
    if (path == null) {
      path = env.get("VOXPROOF_CONFIG");
    }
    Map<String, String> byFile = Map.of();
    if (path != null && !path.isEmpty()) {
      byFile = read(Path.of(path));
      for (String k : byFile.keySet()) {
        if (!keys.contains(k)) {
          throw new ConfigException(
              "--config "
                  + path
                  + ": unknown key '"
                  + k
                  + "' (known: "
                  + String.join(", ", keys)
                  + ")");
        }
      }
    }
    return new ServeDefaults(Map.copyOf(byEnv), Map.copyOf(byFile));
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec o)) {
      return null;
    }
    String key = key(o);
    String v = env.get(key);
    return v != null ? v : file.get(key);
  }

  private static boolean other(String name) {
    return OTHER_ENV.contains(name) || OTHER_ENV_PREFIXES.stream().anyMatch(name::startsWith);
  }

  /** The option names a file or the environment may set. */
  static Set<String> keys(CommandSpec serve) {
    Set<String> keys = new TreeSet<>();
    for (OptionSpec o : serve.options()) {
      if (!o.usageHelp() && !o.versionHelp() && !key(o).equals("config")) {
        keys.add(key(o));
      }
    }
    return keys;
  }

  private static String key(OptionSpec o) {
    return o.longestName().replaceFirst("^-+", "");
  }

  private static String envNames(Set<String> keys) {
    return String.join(
        ", ",
        keys.stream()
            .map(k -> "VOXPROOF_" + k.toUpperCase(Locale.ROOT).replace('-', '_'))
            .toList());
  }

  /** The value of {@code --config FILE} or {@code --config=FILE} among the arguments, or null. */
  static String configArg(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        break;
      }
      if (a.equals("--config") && i + 1 < args.size()) {
        return args.get(i + 1);
      }
      if (a.startsWith("--config=")) {
        return a.substring("--config=".length());
      }
    }
    return null;
  }

  static Map<String, String> read(Path f) throws ConfigException {
    String name = f.getFileName() == null ? "" : f.getFileName().toString();
    try {
      if (name.endsWith(".properties")) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          p.load(r);
        }
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k.strip(), p.getProperty(k).strip()));
        return m;
      }
      if (name.endsWith(".json")) {
        return json(f);
      }
      if (name.endsWith(".toml")) {
        return Toml.parse(Files.readString(f, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new ConfigException("--config " + f + ": cannot read it (" + e.getMessage() + ")");
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--config " + f + ": " + e.getMessage());
    }
    throw new ConfigException("--config " + f + ": name it .toml, .properties or .json");
  }

  private static Map<String, String> json(Path f) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(f.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON (line " + line(e) + ")");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("a JSON object of option names is expected");
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (!v.isValueNode() || v.isNull()) {
        throw new IllegalArgumentException(
            "'" + e.getKey() + "' must be a string, number or boolean");
      }
      m.put(e.getKey(), v.asText());
    }
    return m;
  }

  private static int line(com.fasterxml.jackson.core.JsonProcessingException e) {
    return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
  }
}
