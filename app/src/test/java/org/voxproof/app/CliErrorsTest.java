package org.voxproof.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliErrorsTest {
  @Test
  void error_isOneLineAndExitTwo() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new VoxProof()).setErr(new PrintWriter(err, true));

    int code = CliErrors.report(new NoClassDefFoundError("io/grpc/protobuf/ProtoUtils"), cli);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "voxproof: NoClassDefFoundError: io/grpc/protobuf/ProtoUtils" + System.lineSeparator());
  }

  @Test
  void exception_keepsItsMessage() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new VoxProof()).setErr(new PrintWriter(err, true));

    int code = CliErrors.report(new java.io.IOException("no such file: x.wav"), cli);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("voxproof: no such file: x.wav" + System.lineSeparator());
  }
}
