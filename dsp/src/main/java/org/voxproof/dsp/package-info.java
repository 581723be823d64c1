/** Signal-processing primitives shared by audio, watermark and the benchmarks. See README.md. */
package org.voxproof.dsp;
