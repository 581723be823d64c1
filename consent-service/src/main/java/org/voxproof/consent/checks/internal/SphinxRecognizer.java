package org.voxproof.consent.checks.internal;

import edu.cmu.sphinx.api.AbstractSpeechRecognizer;
import edu.cmu.sphinx.api.Configuration;
import edu.cmu.sphinx.api.Context;
import edu.cmu.sphinx.api.SpeechResult;
import edu.cmu.sphinx.frontend.FrontEnd;
import edu.cmu.sphinx.jsgf.JSGFGrammar;
import edu.cmu.sphinx.jsgf.JSGFGrammarException;
import edu.cmu.sphinx.jsgf.JSGFGrammarParseException;
import edu.cmu.sphinx.util.props.ConfigurationManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sphinx4 (US English acoustic model and dictionary from sphinx4-data) in grammar mode: recognizes
 * 16 kHz speech against one {@link PhraseGrammar}. The configuration is Sphinx4's default with an
 * end-pointer that waits 2 s of silence and batch CMN ({@code sphinx-grammar.config.xml}); the
 * recording is padded with 0.3 s of silence on both sides (CONVENTIONS.md) and dithered. The
 * acoustic model is loaded once per process and shared: one recognition at a time, the grammar file
 * rewritten for each (it is read again when the recognizer is allocated).
 */
public final class SphinxRecognizer {
  private static final String CONFIG =
      "resource:/org/voxproof/consent/checks/internal/sphinx-grammar.config.xml";
  private static final String MODEL = "resource:/edu/cmu/sphinx/models/en-us/en-us";
  private static final String DICT = "resource:" + SphinxDictionary.RESOURCE;
  private static final String NAME = "consent";
  private static final int PAD = Pcm.RATE * 3 / 10;
  private static final ReentrantLock LOCK = new ReentrantLock();

  private static Run shared;
  private static long calls;
  private static Path grammarDir;

  /** The words Sphinx heard in {@code x16k} under {@code grammar}, space separated. */
  public String recognize(float[] x16k, PhraseGrammar grammar) throws IOException {
    byte[] pcm = pcm16(x16k);
    LOCK.lock();
    try {
      Run r = run();
      // A new grammar name per call: Sphinx4 keeps a loaded grammar by name and would reuse it.
      String name = NAME + (++calls);
      Path file = grammarDir.resolve(name + ".gram");
      Files.writeString(
          file,
          grammar.jsgf().replaceFirst("grammar [^;]+;", "grammar " + name + ";"),
          StandardCharsets.UTF_8);
      try {
        String heard = r.recognize(new ByteArrayInputStream(pcm), name);
        quietSphinxLoggers();
        return heard;
      } catch (RuntimeException e) {
        shared = null;
        throw new IOException("Sphinx4 failed: " + e, e);
      } finally {
        Files.deleteIfExists(file);
      }
    } finally {
      LOCK.unlock();
    }
  }

  private static Run run() throws IOException {
    if (shared == null) {
      if (grammarDir == null) {
        grammarDir = Files.createTempDirectory("voxproof-jsgf");
        grammarDir.toFile().deleteOnExit();
      }
      Files.writeString(
          grammarDir.resolve(NAME + ".gram"),
          "#JSGF V1.0;\ngrammar consent;\npublic <consent> = yes;\n");
      Configuration c = new Configuration();
      c.setAcousticModelPath(MODEL);
      c.setDictionaryPath(DICT);
      c.setGrammarPath(grammarDir.toUri().toString());
      c.setGrammarName(NAME);
      c.setUseGrammar(true);
      c.setSampleRate(Pcm.RATE);
      shared = new Run(new Context(CONFIG, c));
    }
    quietSphinxLoggers();
    return shared;
  }

  /**
   * 16-bit little-endian PCM with 0.3 s of silence before and after, and a dither of a few least
   * significant bits throughout: Sphinx's speech classifier tracks the background level and never
   * finds speech against digital silence.
   */
  static byte[] pcm16(float[] x) {
    java.util.Random dither = new java.util.Random(0x5eed);
    byte[] out = new byte[(x.length + 2 * PAD) * 2];
    for (int k = 0; k < x.length + 2 * PAD; k++) {
      int i = k - PAD;
      float s = i >= 0 && i < x.length ? x[i] : 0f;
      int v =
          Math.round(Math.max(-1f, Math.min(1f, s)) * 32767f + (float) dither.nextGaussian() * 3f);
      v = Math.max(-32768, Math.min(32767, v));
      out[2 * k] = (byte) v;
      out[2 * k + 1] = (byte) (v >> 8);
    }
    return out;
  }

  /**
   * Sphinx4 logs through java.util.logging under its component names ("unitManager", ...) at INFO;
   * those dotless loggers are set to WARNING (kept referenced so the setting sticks).
   */
  private static void quietSphinxLoggers() {
    java.util.logging.LogManager m = java.util.logging.LogManager.getLogManager();
    for (String name : java.util.Collections.list(m.getLoggerNames())) {
      if (!name.isEmpty() && name.indexOf('.') < 0 && !QUIET.containsKey(name)) {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
        l.setLevel(java.util.logging.Level.WARNING);
        QUIET.put(name, l);
      }
    }
  }

  private static final java.util.Map<String, java.util.logging.Logger> QUIET =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** A stream recognizer over a context whose configuration we chose. */
  private static final class Run extends AbstractSpeechRecognizer {
    private final ConfigurationManager components;
    private boolean allocated;

    Run(Context ctx) throws IOException {
      super(ctx);
      this.components = components(ctx);
    }

    /**
     * The context's configuration manager: {@code Context.getInstance(Class)} cannot tell
     * jsgfGrammar from grXmlGrammar (a subclass), so components are looked up by name.
     */
    private static ConfigurationManager components(Context ctx) throws IOException {
      try {
        java.lang.reflect.Field f = Context.class.getDeclaredField("configurationManager");
        f.setAccessible(true);
        return (ConfigurationManager) f.get(ctx);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IOException("cannot reach Sphinx4's configuration manager", e);
      }
    }

    /**
     * Recognizes one recording under the grammar file {@code grammarName}. The recognizer stays
     * allocated (the dictionary must be, to load a grammar); the flat linguist compiles the new
     * grammar when recognition starts.
     */
    String recognize(InputStream in, String grammarName) throws IOException {
      if (!allocated) {
        recognizer.allocate();
        allocated = true;
      }
      try {
        ((JSGFGrammar) components.lookup("jsgfGrammar")).loadJSGF(grammarName);
      } catch (JSGFGrammarException | JSGFGrammarParseException e) {
        throw new IOException("grammar refused: " + e.getMessage(), e);
      }
      // Fresh front-end state (background level, end-pointer, CMN) for every recording.
      ((FrontEnd) components.lookup("liveFrontEnd")).initialize();
      context.setSpeechSource(in);
      List<String> parts = new ArrayList<>();
      for (SpeechResult s = getResult(); s != null; s = getResult()) {
        String h = s.getHypothesis();
        if (h != null && !h.isBlank()) {
          parts.add(h.strip());
        }
      }
      return String.join(" ", parts);
    }
  }
}
