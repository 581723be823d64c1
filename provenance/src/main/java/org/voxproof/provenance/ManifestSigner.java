package org.voxproof.provenance;

import java.util.Objects;
import org.voxproof.provenance.internal.Containers;
import org.voxproof.provenance.internal.ManifestBuilder;

/**
 * Signs a C2PA manifest for a synthesized audio file and embeds it (WAV, MP3, FLAC). Any earlier
 * C2PA manifest in the file is replaced.
 *
 * <pre>{@code
 * ManifestSigner signer = ManifestSigner.builder().keyRing(ring).build();
 * byte[] signed = signer.sign(wavBytes, content);
 * }</pre>
 */
public final class ManifestSigner {
  private final SigningCredential credential;

  private ManifestSigner(SigningCredential credential) {
    this.credential = credential;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options: the signing credential, normally the key ring's current C2PA signer. */
  public static final class Builder {
    private SigningCredential credential;

    private Builder() {}

    /** Sign with the key ring's current C2PA signing key. */
    public Builder keyRing(KeyRing ring) throws KeyRingException {
      this.credential = ring.c2paSigner();
      return this;
    }

    /** Sign with another credential (e.g. an externally issued chain). */
    public Builder credential(SigningCredential c) {
      this.credential = Objects.requireNonNull(c);
      return this;
    }

    public ManifestSigner build() {
      if (credential == null) {
        throw new IllegalStateException("ManifestSigner needs a key ring or credential");
      }
      return new ManifestSigner(credential);
    }
  }

  /** The audio file with a signed manifest store embedded. */
  public byte[] sign(byte[] audio, ManifestContent content) throws ProvenanceException {
    return ManifestBuilder.signAndEmbed(audio.clone(), content, credential);
  }

  /** As {@link #sign}, with the manifest label and the SHA-256 of the embedded store. */
  public SignedAudio signWithDetails(byte[] audio, ManifestContent content)
      throws ProvenanceException {
    byte[] out = sign(audio, content);
    try {
      Containers.Located loc =
          Containers.find(out).orElseThrow(() -> new ProvenanceException("manifest not embedded"));
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      md.update(out, loc.offset(), loc.length());
      return new SignedAudio(out, "urn:c2pa:" + content.manifestId(), md.digest());
    } catch (Containers.FormatException | java.security.NoSuchAlgorithmException e) {
      throw new ProvenanceException("cannot locate the embedded manifest", e);
    }
  }
}
