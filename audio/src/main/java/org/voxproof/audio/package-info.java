/** VoxProof audio. See this module's README.md. */
package org.voxproof.audio;
