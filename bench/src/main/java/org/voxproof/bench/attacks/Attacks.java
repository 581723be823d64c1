package org.voxproof.bench.attacks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.voxproof.dsp.Resampler;

/**
 * The attack set: AudioSeal's evaluation set with its parameters (pink noise as AudioSeal defines
 * it), plus true pink noise of rms 0.1, telephony (G.711, GSM), Opus at 12/16/24 kbit/s, an MP3
 * cascade, voice changers (pitch ±2 semitones, tempo ±5 %) and crops.
 */
public final class Attacks {
  private Attacks() {}

  /** Every attack, in table order. */
  public static List<Attack> all() {
    List<Attack> a = new ArrayList<>(java());
    a.addAll(codecs());
    a.addAll(voiceChangers());
    a.add(crop(3));
    a.add(crop(5));
    return a;
  }

  /** A fast subset: noise, resampling, MP3, crop. */
  public static List<Attack> quick() {
    return List.of(
        Attack.of(
            "pink noise 0.1", (in, r) -> mix(in, Noise.audioSealPink(in.pcm().length, 0.1, r))),
        resampleVia(8000),
        new Codec("mp3 32k", "mp3", 0, "-c:a", "libmp3lame", "-b:a", "32k"),
        crop(3));
  }

  static List<Attack> java() {
    return List.of(
        Attack.of("none", (in, r) -> in),
        Attack.of(
            "bandpass 500-5000", (in, r) -> map(in, Filters.band(in.pcm(), in.rate(), 500, 5000))),
        Attack.of(
            "highpass 1500", (in, r) -> map(in, Filters.band(in.pcm(), in.rate(), 1500, 1e9))),
        Attack.of("lowpass 500", (in, r) -> map(in, Filters.band(in.pcm(), in.rate(), 0, 500))),
        Attack.of("speed 1.25", (in, r) -> map(in, Resampler.stretch(in.pcm(), 1 / 1.25))),
        resampleVia(32000),
        resampleVia(8000),
        Attack.of("boost x10", (in, r) -> map(in, scale(in.pcm(), 10))),
        Attack.of("duck x0.1", (in, r) -> map(in, scale(in.pcm(), 0.1f))),
        Attack.of("echo 0.5s 0.5", (in, r) -> map(in, echo(in.pcm(), in.rate() / 2, 0.5f))),
        Attack.of(
            "pink noise 0.1", (in, r) -> mix(in, Noise.audioSealPink(in.pcm().length, 0.1, r))),
        Attack.of("pink rms 0.1", (in, r) -> mix(in, Noise.pink(in.pcm().length, 0.1, r))),
        Attack.of("white noise 0.05", (in, r) -> mix(in, Noise.white(in.pcm().length, 0.05, r))),
        Attack.of("smooth 40", (in, r) -> map(in, Filters.movingAverage(in.pcm(), 40))));
  }

  /** Voice changers: pitch with tempo kept, tempo with pitch kept (sox's WSOLA). */
  static List<Attack> voiceChangers() {
    return List.of(
        new SoxEffect("pitch +2 semitones", "pitch", "200"),
        new SoxEffect("pitch -2 semitones", "pitch", "-200"),
        new SoxEffect("tempo +5%", "tempo", "1.05"),
        new SoxEffect("tempo -5%", "tempo", "0.95"));
  }

  static List<Attack> codecs() {
    return List.of(
        new Codec("aac 64k", "m4a", 0, "-c:a", "aac", "-b:a", "64k"),
        new Codec("mp3 32k", "mp3", 0, "-c:a", "libmp3lame", "-b:a", "32k"),
        new Codec("g711 mu-law 8k", "wav", 8000, "-ar", "8000", "-c:a", "pcm_mulaw"),
        new Codec("opus 12k", "ogg", 0, "-c:a", "libopus", "-b:a", "12k"),
        new Codec("opus 16k", "ogg", 0, "-c:a", "libopus", "-b:a", "16k"),
        new Codec("opus 24k", "ogg", 0, "-c:a", "libopus", "-b:a", "24k"),
        new Codec("gsm full rate", "gsm", 8000, "-ar", "8000", "-ac", "1", "-c:a", "libgsm"),
        new Chain(
            "mp3 128k then 64k",
            new Codec("mp3 128k", "mp3", 0, "-c:a", "libmp3lame", "-b:a", "128k"),
            new Codec("mp3 64k", "mp3", 0, "-c:a", "libmp3lame", "-b:a", "64k")));
  }

  static Attack resampleVia(int rate) {
    return Attack.of(
        "resample via " + rate / 1000 + "k",
        (in, r) ->
            map(
                in,
                Resampler.resample(
                    Resampler.resample(in.pcm(), in.rate(), rate), rate, in.rate())));
  }

  static Attack crop(int seconds) {
    return Attack.of(
        "crop " + seconds + "s",
        (in, r) -> {
          int n = Math.min(in.pcm().length, seconds * in.rate());
          int off = r.nextInt(in.pcm().length - n + 1);
          return map(in, Arrays.copyOfRange(in.pcm(), off, off + n));
        });
  }

  static Audio map(Audio in, float[] pcm) {
    return new Audio(pcm, in.rate());
  }

  static Audio mix(Audio in, float[] noise) {
    return map(in, Noise.add(in.pcm(), noise));
  }

  static float[] scale(float[] x, float g) {
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.max(-1f, Math.min(1f, x[i] * g));
    }
    return y;
  }

  static float[] echo(float[] x, int delay, float gain) {
    float[] y = x.clone();
    for (int i = delay; i < x.length; i++) {
      y[i] += gain * x[i - delay];
    }
    return y;
  }

  /** Applies attacks one after the other. */
  record Chain(String name, Attack first, Attack second) implements Attack {
    @Override
    public Audio apply(Audio in, Random rng) throws java.io.IOException, InterruptedException {
      return second.apply(first.apply(in, rng), rng);
    }
  }
}
