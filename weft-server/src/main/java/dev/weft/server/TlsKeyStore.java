package dev.weft.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/** Reads a {@link ServerTls} into an in-memory key store with one key entry, using the JDK only. */
final class TlsKeyStore {
  static final String ALIAS = "weft";
  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  /** The key store and the password of its key entry. */
  record Loaded(KeyStore keyStore, char[] password) {}

  private TlsKeyStore() {}

  /**
   * Loads the key material.
   *
   * @throws IllegalArgumentException naming the file that is missing, unreadable or malformed
   */
  static Loaded load(ServerTls tls) {
    return switch (tls) {
      case ServerTls.Pem pem -> fromPem(pem);
      case ServerTls.Pkcs12 p12 -> fromPkcs12(p12);
    };
  }

  private static Loaded fromPkcs12(ServerTls.Pkcs12 p12) {
    Path file = readable(p12.keyStore(), "TLS key store");
    char[] password = p12.password().toCharArray();
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password);
      List<String> keys =
          Collections.list(ks.aliases()).stream().filter(a -> isKey(ks, a)).toList();
      if (keys.size() != 1) {
        throw new IllegalArgumentException(
            "TLS key store "
                + file
                + " must hold exactly one private key entry, holds "
                + keys.size());
      }
      return new Loaded(ks, password);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot read TLS key store "
              + file
              + " as PKCS#12 with the given password: "
              + e.getMessage(),
          e);
    }
  }

  private static boolean isKey(KeyStore ks, String alias) {
    try {
      return ks.isKeyEntry(alias);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static Loaded fromPem(ServerTls.Pem pem) {
    Path certFile = readable(pem.certificateChain(), "TLS certificate chain");
    Path keyFile = readable(pem.privateKey(), "TLS private key");
    List<Certificate> chain;
    try (InputStream in = Files.newInputStream(certFile)) {
      chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot read TLS certificate chain " + certFile + " as PEM: " + e.getMessage(), e);
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException(
          "TLS certificate chain " + certFile + " holds no certificate");
    }
    PrivateKey key = privateKey(keyFile);
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      char[] password = new char[0];
      ks.setKeyEntry(ALIAS, key, password, chain.toArray(Certificate[]::new));
      return new Loaded(ks, password);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "the private key "
              + keyFile
              + " does not go with the certificate chain "
              + certFile
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static PrivateKey privateKey(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read TLS private key " + file + ": " + e, e);
    }
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin < 0 || end < begin) {
      String found =
          text.contains("BEGIN RSA PRIVATE KEY")
                  || text.contains("BEGIN EC PRIVATE KEY")
                  || text.contains("BEGIN ENCRYPTED PRIVATE KEY")
              ? "a PKCS#1, SEC1 or encrypted key"
              : "no '" + BEGIN + "' block";
      throw new IllegalArgumentException(
          "TLS private key "
              + file
              + " holds "
              + found
              + "; expected an unencrypted PKCS#8 PEM key (convert with: openssl pkcs8 -topk8"
              + " -nocrypt -in old.key -out server.key)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "TLS private key " + file + " is not valid base64 inside its PEM block", e);
    }
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException(
        "TLS private key " + file + " is not an RSA, EC or EdDSA key in PKCS#8");
  }

  private static Path readable(Path path, String what) {
    Path file = path.toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no " + what + " file at " + file);
    }
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException(what + " " + file + " is not readable");
    }
    return file;
  }
}
