package dev.weft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.engine.WeftEngine;
import dev.weft.server.auth.ApiTokens;
import dev.weft.server.http.ApiRole;
import dev.weft.server.testsupport.ApiCalls;
import dev.weft.server.testsupport.OpenApiDocument;
import dev.weft.testsupport.TestStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS from a PKCS#12 key store and from PEM files: a self-signed certificate for {@code
 * localhost} and {@code 127.0.0.1} made by the running JDK's {@code keytool}, a server on a free
 * port serving it, and an {@link HttpClient} that trusts exactly that certificate. Plain HTTP and a
 * client that does not trust the certificate get no answer; missing or malformed key material fails
 * the start naming the file.
 */
class HttpsTest {
  private static final String PASSWORD = "keystore-secret";
  @TempDir static Path keys;
  private static Path p12;
  private static Path certPem;
  private static Path keyPem;
  private static Certificate certificate;

  @TempDir Path dir;
  private WeftEngine engine;

  @BeforeAll
  static void makeCertificate() throws Exception {
    p12 = keys.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "weft-test",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                p12.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD,
                "-noprompt")
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("keytool: %s", output).isZero();

    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    certificate = ks.getCertificate("weft-test");
    PrivateKey key = (PrivateKey) ks.getKey("weft-test", PASSWORD.toCharArray());
    certPem = keys.resolve("server.crt");
    keyPem = keys.resolve("server.key");
    Files.writeString(certPem, pem("CERTIFICATE", certificate.getEncoded()));
    Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded())); // PKCS#8
  }

  @BeforeEach
  void startEngine() {
    engine = WeftEngine.builder().store(TestStore.SQLITE.open(dir)).build();
    engine.start();
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  void aPkcs12KeyStoreServesHttps() throws Exception {
    try (WeftServer server =
            WeftServer.start(
                engine,
                WeftServerOptions.defaults().withPort(0).withTls(ServerTls.pkcs12(p12, PASSWORD)));
        HttpClient http = trusting()) {
      assertThat(server.baseUri().getScheme()).isEqualTo("https");

      ApiCalls.Answer health = get(http, server.baseUri(), "/api/v1/health", null);

      assertThat(health.status()).isEqualTo(200);
      assertThat(health.json().path("status").asText()).isEqualTo("UP");
    }
  }

  @Test
  void pemFilesServeHttpsWithTokens() throws Exception {
    String admin =
        ApiTokens.in(engine.store()).create("admin", ApiRole.ADMIN, Set.of("*")).secret();
    try (WeftServer server =
            WeftServer.start(
                engine,
                WeftServerOptions.defaults()
                    .withPort(0)
                    .withTokenAuth(true)
                    .withTls(ServerTls.pem(certPem, keyPem)));
        HttpClient http = trusting()) {

      ApiCalls.Answer withToken = get(http, server.baseUri(), "/api/v1/tokens", admin);
      ApiCalls.Answer without = get(http, server.baseUri(), "/api/v1/tokens", null);

      assertThat(withToken.status()).isEqualTo(200);
      assertThat(withToken.json().path("tokens").findValuesAsText("name")).containsExactly("admin");
      assertThat(without.status()).isEqualTo(401);
    }
  }

  @Test
  void plainHttpAndUntrustingClientsGetNoAnswer() throws Exception {
    try (WeftServer server =
            WeftServer.start(
                engine,
                WeftServerOptions.defaults().withPort(0).withTls(ServerTls.pem(certPem, keyPem)));
        HttpClient plain = HttpClient.newHttpClient()) {
      URI https = server.baseUri().resolve("/api/v1/health");
      URI http = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/health");

      assertThatThrownBy(
              () -> plain.send(request(https, null), HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(SSLHandshakeException.class);
      assertThatThrownBy(
              () -> plain.send(request(http, null), HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void missingOrMalformedKeyMaterialFailsTheStartNamingTheFile() throws Exception {
    Path missing = keys.resolve("nope.crt");
    Path pkcs1 = keys.resolve("old.key");
    Files.writeString(
        pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    WeftServerOptions options = WeftServerOptions.defaults().withPort(0);

    assertThatThrownBy(
            () -> WeftServer.start(engine, options.withTls(ServerTls.pem(missing, keyPem))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope.crt");
    assertThatThrownBy(
            () -> WeftServer.start(engine, options.withTls(ServerTls.pem(certPem, pkcs1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("old.key")
        .hasMessageContaining("openssl pkcs8 -topk8");
    assertThatThrownBy(
            () -> WeftServer.start(engine, options.withTls(ServerTls.pkcs12(p12, "wrong"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("server.p12")
        .hasMessageNotContaining("wrong");
    assertThatThrownBy(
            () -> WeftServer.start(engine, options.withTls(ServerTls.pem(keyPem, keyPem))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("server.key");
  }

  private static ApiCalls.Answer get(HttpClient http, URI base, String path, String token)
      throws Exception {
    HttpResponse<String> r =
        http.send(request(base.resolve(path), token), HttpResponse.BodyHandlers.ofString());
    ApiCalls.Answer a =
        new ApiCalls.Answer(
            r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    OpenApiDocument.get().checkResponse("GET", path, a);
    return a;
  }

  private static HttpRequest request(URI uri, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b.build();
  }

  /** A client that trusts the test's certificate and nothing else. */
  private static HttpClient trusting() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("weft-test", certificate);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(tls).build();
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
