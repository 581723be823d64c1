package org.voxproof.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AdminCommandTest {
  @RegisterExtension final CliRun cli = new CliRun();
  @TempDir Path data;

  private String lastWord() {
    String[] lines = cli.stdout().strip().split("\n");
    String[] words = lines[lines.length - 1].split(" ");
    return words[words.length - 1];
  }

  /** Runs {@code admin <sub> --data-dir D <args>}; returns the exit code. */
  private int admin(String sub, Object... args) {
    Object[] all = new Object[args.length + 4];
    all[0] = "admin";
    all[1] = sub;
    all[2] = "--data-dir";
    all[3] = data;
    System.arraycopy(args, 0, all, 4, args.length);
    return cli.run(all);
  }

  private int createClient(String name, String role, String... more) {
    Object[] args = new Object[4 + more.length];
    args[0] = "--name";
    args[1] = name;
    args[2] = "--role";
    args[3] = role;
    System.arraycopy(more, 0, args, 4, more.length);
    return admin("create-client", args);
  }

  private String create(String name, String role) {
    assertThat(createClient(name, role)).isZero();
    return lastWord();
  }

  @Test
  void createClient_printsKeyAsLastWord_listShowsItWithoutTheKey() throws Exception {
    String key = create("bank-app", "licensee");
    assertThat(key).matches("vxk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
    assertThat(cli.stdout()).startsWith("created client ");
    assertThat(admin("list-clients")).isZero();
    assertThat(cli.stdout()).doesNotContain(key).doesNotContain(key.substring(21));
    JsonNode c = cli.lastJson().get("clients").get(0);
    assertThat(c.get("name").asText()).isEqualTo("bank-app");
    assertThat(c.get("role").asText()).isEqualTo("licensee");
    assertThat(c.get("organisation").asText()).isEqualTo("bank-app");
    assertThat(c.get("status").asText()).isEqualTo("active");
  }

  @Test
  void createClient_withOrgAndExpiry() throws Exception {
    assertThat(createClient("p1", "police", "--org", "Police Dept", "--expires-days", "2"))
        .isZero();
    assertThat(admin("list-clients")).isZero();
    JsonNode c = cli.lastJson().get("clients").get(0);
    assertThat(c.get("organisation").asText()).isEqualTo("Police Dept");
    assertThat(
            java.time.Duration.between(
                java.time.Instant.parse(c.get("created").asText()),
                java.time.Instant.parse(c.get("expires").asText())))
        .isEqualTo(java.time.Duration.ofDays(2));
  }

  @Test
  void revokeAndRotate_byNameOrId() throws Exception {
    String first = create("bank-app", "operator");
    String id = first.substring(4, 20);
    assertThat(admin("rotate-client", id)).isZero();
    assertThat(cli.stdout()).startsWith("rotated client " + id);
    assertThat(lastWord()).isNotEqualTo(first).startsWith("vxk_" + id + "_");
    assertThat(admin("revoke-client", "bank-app")).isZero();
    assertThat(cli.lastJson().get("status").asText()).isEqualTo("revoked");
    assertThat(admin("rotate-client", "bank-app")).isEqualTo(2);
  }

  @Test
  void exitCodes_notFound1_badInput2() {
    assertThat(admin("revoke-client", "nobody")).isEqualTo(1);
    assertThat(admin("rotate-client", "nobody")).isEqualTo(1);
    assertThat(createClient("x", "owner")).isEqualTo(2);
    assertThat(createClient("x", "king")).isEqualTo(2);
    assertThat(createClient("x", "police", "--expires-days", "0")).isEqualTo(2);
    assertThat(admin("create-client", "--role", "police")).isEqualTo(2);
    create("taken", "platform");
    assertThat(createClient("taken", "police")).isEqualTo(2);
  }
}
