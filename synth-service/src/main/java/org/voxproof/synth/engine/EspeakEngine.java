package org.voxproof.synth.engine;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.voxproof.audio.AudioDecoder;
import org.voxproof.audio.AudioFormatException;
import org.voxproof.audio.DecodedAudio;
import org.voxproof.synth.engine.internal.ProcessRunner;

/**
 * The built-in engine: espeak-ng, a formant synthesizer (several voices and languages, works on a
 * fresh machine, clearly nobody's voice). The process runs without a shell, with a clean
 * environment and a deadline; the text goes on stdin after {@link EspeakText#sanitize}; the output
 * WAV is bounded and decoded by the audio module.
 */
public final class EspeakEngine implements SynthesisEngine {
  /** espeak-ng voice names we pass: a language or voice file name, optionally {@code +variant}. */
  public static final Pattern VOICE_NAME =
      Pattern.compile("[a-z][a-z0-9_-]{0,31}(\\+[a-z0-9_-]{1,16})?");

  /** Default voice per language (primary subtag or full tag, lower case). */
  public static final Map<String, String> DEFAULT_VOICES =
      Map.ofEntries(
          Map.entry("en", "en-us"),
          Map.entry("en-gb", "en-gb"),
          Map.entry("de", "de"),
          Map.entry("fr", "fr-fr"),
          Map.entry("es", "es"),
          Map.entry("it", "it"),
          Map.entry("nl", "nl"),
          Map.entry("pt", "pt"),
          Map.entry("zh", "cmn"),
          Map.entry("yue", "yue"),
          Map.entry("ja", "ja"),
          Map.entry("ko", "ko"));

  private final Path executable;
  private final int wordsPerMinute;
  private final int maxOutputBytes;
  private final AudioDecoder decoder;

  private EspeakEngine(Builder b) {
    this.executable = b.executable;
    this.wordsPerMinute = b.wordsPerMinute;
    this.maxOutputBytes = b.maxOutputBytes;
    this.decoder = AudioDecoder.builder().maxBytes(b.maxOutputBytes).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The espeak-ng executable on the PATH, if any. */
  public static Optional<Path> findOnPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String d : path.split(File.pathSeparator, -1)) {
      Path p = Path.of(d.isEmpty() ? "." : d, "espeak-ng");
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p.toAbsolutePath());
      }
    }
    return Optional.empty();
  }

  /** The default voice for a BCP 47 language tag: full tag, then primary subtag, then itself. */
  public static EspeakVoice voiceFor(String language) {
    String l = language.toLowerCase(Locale.ROOT);
    String primary = l.contains("-") ? l.substring(0, l.indexOf('-')) : l;
    String v = DEFAULT_VOICES.getOrDefault(l, DEFAULT_VOICES.getOrDefault(primary, primary));
    return new EspeakVoice(v);
  }

  @Override
  public String name() {
    return "espeak-ng";
  }

  @Override
  public boolean supports(VoiceModel voice) {
    return voice instanceof EspeakVoice;
  }

  @Override
  public EngineAudio synthesize(EngineRequest request) throws EngineException {
    if (!(request.voice() instanceof EspeakVoice v)) {
      throw new IllegalArgumentException("not an espeak-ng voice: " + request.voice().modelId());
    }
    String text = EspeakText.sanitize(request.text());
    if (text.isEmpty()) {
      throw EngineException.failed("nothing speakable in the text");
    }
    byte[] wav = run(v, text.getBytes(StandardCharsets.UTF_8), request.timeout());
    DecodedAudio a = decode(wav);
    return new EngineAudio(a.mono(), a.sampleRate(), name(), v.modelId());
  }

  private byte[] run(EspeakVoice v, byte[] text, Duration timeout) throws EngineException {
    List<String> cmd =
        List.of(
            executable.toString(),
            "--stdout",
            "-b",
            "1",
            "-v",
            v.name(),
            "-s",
            Integer.toString(wordsPerMinute),
            "--stdin");
    ProcessRunner.Result r;
    try {
      r = ProcessRunner.run(cmd, Map.of("LANG", "C.UTF-8"), text, timeout, maxOutputBytes);
    } catch (ProcessRunner.RunException e) {
      throw EngineException.of("espeak-ng", e, timeout);
    }
    if (r.exitCode() != 0) {
      throw EngineException.failed(
          "espeak-ng exited with " + r.exitCode() + ": " + firstLine(r.stderrTail()));
    }
    return r.stdout();
  }

  private DecodedAudio decode(byte[] wav) throws EngineException {
    try {
      DecodedAudio a = decoder.decode(StreamedWav.fixSizes(wav));
      if (a.frames() == 0) {
        throw EngineException.invalidOutput("espeak-ng produced no samples", null);
      }
      return a;
    } catch (AudioFormatException e) {
      throw EngineException.invalidOutput("espeak-ng output is not audio: " + e.getMessage(), e);
    }
  }

  private static String firstLine(String s) {
    String line = s.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) : line;
  }

  /** Options: the executable (default: espeak-ng on the PATH), speed and output bound. */
  public static final class Builder {
    private Path executable;
    private int wordsPerMinute = 160;
    private int maxOutputBytes = 64 << 20;

    private Builder() {}

    /** The espeak-ng program (an absolute path). */
    public Builder executable(Path p) {
      if (!p.isAbsolute()) {
        throw new IllegalArgumentException("give espeak-ng as an absolute path");
      }
      this.executable = p;
      return this;
    }

    /** Speaking rate, 80..450 words per minute (default 160). */
    public Builder wordsPerMinute(int wpm) {
      if (wpm < 80 || wpm > 450) {
        throw new IllegalArgumentException("words per minute must be in 80..450");
      }
      this.wordsPerMinute = wpm;
      return this;
    }

    /** Largest WAV accepted from the process (default 64 MiB, about 25 minutes). */
    public Builder maxOutputBytes(int n) {
      if (n < 1024) {
        throw new IllegalArgumentException("output bound too small");
      }
      this.maxOutputBytes = n;
      return this;
    }

    /**
     * @throws IllegalStateException no executable given and none on the PATH
     */
    public EspeakEngine build() {
      if (executable == null) {
        executable =
            findOnPath()
                .orElseThrow(() -> new IllegalStateException("espeak-ng is not on the PATH"));
      }
      Objects.requireNonNull(executable);
      return new EspeakEngine(this);
    }
  }
}
