package org.voxproof.bench.attacks;

import java.io.IOException;
import java.util.Random;

/** One transformation of marked audio, as in the AudioSeal evaluation set. */
public interface Attack {
  String name();

  Audio apply(Audio in, Random rng) throws IOException, InterruptedException;

  static Attack of(String name, Pure f) {
    return new Attack() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Audio apply(Audio in, Random rng) {
        return f.apply(in, rng);
      }
    };
  }

  /** An attack computed in Java. */
  interface Pure {
    Audio apply(Audio in, Random rng);
  }
}
