/** VoxProof synth. See this module's README.md. */
package org.voxproof.synth;
