package dev.weft.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a {@link WeftServer} serving HTTPS finds its certificate and private key: PEM files, or a
 * PKCS#12 key store. Files are read when the server starts; a file that is missing, unreadable or
 * not what it should be fails the start with a message naming the file.
 *
 * <pre>{@code
 * WeftServerOptions.defaults()
 *     .withTls(ServerTls.pem(Path.of("server.crt"), Path.of("server.key")));
 * WeftServerOptions.defaults()
 *     .withTls(ServerTls.pkcs12(Path.of("server.p12"), System.getenv("KEYSTORE_PASSWORD")));
 * }</pre>
 */
public sealed interface ServerTls permits ServerTls.Pem, ServerTls.Pkcs12 {

  /**
   * PEM files: the certificate chain (the server's certificate first, then the intermediates) and
   * its unencrypted private key in PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}; RSA, EC or
   * Ed25519). A PKCS#1 or SEC1 key ({@code BEGIN RSA PRIVATE KEY}, {@code BEGIN EC PRIVATE KEY})
   * converts with {@code openssl pkcs8 -topk8 -nocrypt -in old.key -out server.key}.
   */
  static ServerTls pem(Path certificateChain, Path privateKey) {
    return new Pem(certificateChain, privateKey);
  }

  /**
   * A PKCS#12 key store ({@code .p12}, {@code .pfx}) holding one private key entry with its
   * certificate chain; its password opens both the store and the key.
   */
  static ServerTls pkcs12(Path keyStore, String password) {
    return new Pkcs12(keyStore, password);
  }

  /**
   * PEM certificate chain and PKCS#8 private key.
   *
   * @param certificateChain the PEM file of the certificates, the server's first
   * @param privateKey the PEM file of the unencrypted PKCS#8 private key
   */
  record Pem(Path certificateChain, Path privateKey) implements ServerTls {
    /** Validates the record. */
    public Pem {
      Objects.requireNonNull(certificateChain, "certificateChain");
      Objects.requireNonNull(privateKey, "privateKey");
    }
  }

  /**
   * A PKCS#12 key store and its password.
   *
   * @param keyStore the key store file
   * @param password the password of the store and of its key
   */
  record Pkcs12(Path keyStore, String password) implements ServerTls {
    /** Validates the record. */
    public Pkcs12 {
      Objects.requireNonNull(keyStore, "keyStore");
      Objects.requireNonNull(password, "password");
    }

    /** Names the key store, never the password. */
    @Override
    public String toString() {
      return "Pkcs12[keyStore=" + keyStore + ", password=(hidden)]";
    }
  }
}
