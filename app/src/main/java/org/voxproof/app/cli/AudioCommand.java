package org.voxproof.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.voxproof.audio.AudioDecoder;
import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.AudioInfo;
import org.voxproof.audio.DecodedAudio;
import org.voxproof.audio.WavWriter;
import org.voxproof.dsp.Resampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code voxproof audio info FILE} and {@code voxproof audio convert IN OUT.wav}. Input that is not
 * decodable prints {@code voxproof: FILE: <reason>: <detail>} on stderr and exits 2.
 */
@Command(
    name = "audio",
    mixinStandardHelpOptions = true,
    description = "Inspect and convert audio files (type found from the bytes, never the name).",
    subcommands = {AudioCommand.Info.class, AudioCommand.Convert.class})
public final class AudioCommand implements Runnable {
  static final int BAD_INPUT = 2;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static void badInput(CommandSpec spec, Path file, AudioFormatException e) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("voxproof: " + file + ": " + e.reason().code() + ": " + e.getMessage());
  }

  static DecodedAudio decodeOrReport(CommandSpec spec, Path file) {
    try {
      return AudioDecoder.create().decode(file);
    } catch (AudioFormatException e) {
      badInput(spec, file, e);
    } catch (NoSuchFileException e) {
      spec.commandLine().getErr().println("voxproof: " + file + ": no such file");
    } catch (IOException e) {
      spec.commandLine().getErr().println("voxproof: " + file + ": cannot read: " + e);
    }
    spec.commandLine().getErr().flush();
    return null;
  }

  /** Prints one JSON line with the file's format facts. */
  @Command(
      name = "info",
      mixinStandardHelpOptions = true,
      description =
          "Print {\"format\",\"codec\",\"sampleRate\",\"channels\",\"durationSeconds\"} as JSON.")
  static final class Info implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "audio file")
    Path file;

    @Override
    public Integer call() throws IOException {
      DecodedAudio a = decodeOrReport(spec, file);
      if (a == null) {
        return BAD_INPUT;
      }
      AudioInfo i = a.info();
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("format", i.format());
      json.put("codec", i.codec());
      json.put("sampleRate", i.sampleRate());
      json.put("channels", i.channels());
      json.put("durationSeconds", Math.round(i.durationSeconds() * 1e6) / 1e6);
      Json.print(System.out, json);
      return 0;
    }
  }

  /** Decodes any supported file and writes WAV, optionally resampled and downmixed. */
  @Command(
      name = "convert",
      mixinStandardHelpOptions = true,
      description = "Decode IN and write OUT as WAV (16-bit PCM unless --float).")
  static final class Convert implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "audio file")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "WAV file to write")
    Path out;

    @Option(names = "--rate", paramLabel = "HZ", description = "resample to HZ")
    Integer rate;

    @Option(names = "--mono", description = "mix down to one channel")
    boolean mono;

    @Option(names = "--float", description = "write 32-bit float instead of 16-bit PCM")
    boolean floating;

    @Override
    public Integer call() throws IOException {
      DecodedAudio a = decodeOrReport(spec, in);
      if (a == null) {
        return BAD_INPUT;
      }
      if (rate != null && (rate < 1000 || rate > 384_000)) {
        spec.commandLine().getErr().println("voxproof: --rate must be 1000-384000 Hz");
        return BAD_INPUT;
      }
      float[][] ch = mono ? new float[][] {a.mono()} : a.channels();
      int outRate = rate == null ? a.sampleRate() : rate;
      if (outRate != a.sampleRate()) {
        Resampler r = Resampler.of(a.sampleRate(), outRate);
        float[][] res = new float[ch.length][];
        for (int c = 0; c < ch.length; c++) {
          res[c] = r.process(ch[c]);
        }
        ch = res;
      }
      (floating ? WavWriter.float32() : WavWriter.pcm16()).write(ch, outRate, out);
      System.err.printf(
          "voxproof: wrote %s (%d Hz, %d ch, %.3f s)%n",
          out, outRate, ch.length, ch[0].length / (double) outRate);
      return 0;
    }
  }
}
