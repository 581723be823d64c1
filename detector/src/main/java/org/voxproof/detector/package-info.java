/** VoxProof detector. See this module's README.md. */
package org.voxproof.detector;
