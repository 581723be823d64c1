/** VoxProof watermark. See this module's README.md. */
package org.voxproof.watermark;
