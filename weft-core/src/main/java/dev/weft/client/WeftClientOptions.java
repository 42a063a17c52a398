package dev.weft.client;

import dev.weft.converter.DataConverter;
import dev.weft.converter.JacksonDataConverter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How a client connects to a Weft server over HTTP ({@link WeftClient#connect(String, String,
 * WeftClientOptions)}): the namespace, the data converter that turns arguments and results into the
 * API's JSON values, timeouts, and TLS. Immutable; validated when built.
 *
 * <pre>{@code
 * WeftClient client = WeftClient.connect("https://weft.example.com:7070", token,
 *     WeftClientOptions.newBuilder().namespace("billing").sslContext(sslContext).build());
 * }</pre>
 *
 * @param namespace the namespace every call addresses (default {@code default})
 * @param dataConverter turns arguments, results, signal, query and update values into JSON (default
 *     {@link JacksonDataConverter}); it must produce JSON payloads, which the API carries as JSON
 *     values (encryption at rest is the server's {@code PayloadCodec})
 * @param connectTimeout how long a connection may take to open (default 10 s)
 * @param requestTimeout how long a call may take, beyond the wait it asks for itself (a result's
 *     long poll, an update's timeout) (default 30 s)
 * @param sslContext the TLS context for {@code https://} addresses, or {@code null} for the JDK's
 *     default trust store; ignored when {@code httpClient} is given
 * @param httpClient the JDK HTTP client to use (its own timeouts and TLS apply), or {@code null}
 *     for one the client makes and owns
 */
public record WeftClientOptions(
    String namespace,
    DataConverter dataConverter,
    Duration connectTimeout,
    Duration requestTimeout,
    SSLContext sslContext,
    HttpClient httpClient) {

  /** Validates the options; each error names the field and value. */
  public WeftClientOptions {
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException(
          "WeftClientOptions.namespace must not be blank, was '" + namespace + "'");
    }
    Objects.requireNonNull(dataConverter, "WeftClientOptions.dataConverter");
    requirePositive("connectTimeout", connectTimeout);
    requirePositive("requestTimeout", requestTimeout);
  }

  private static void requirePositive(String field, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          "WeftClientOptions." + field + " must be positive, was " + value);
    }
  }

  /** Returns the defaults: namespace {@code default}, Jackson, 10 s to connect, 30 s per call. */
  public static WeftClientOptions getDefaultInstance() {
    return newBuilder().build();
  }

  /** Returns a builder with the defaults. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Builds {@link WeftClientOptions}. Not thread-safe. */
  public static final class Builder {
    private String namespace = "default";
    private DataConverter dataConverter = new JacksonDataConverter();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private SSLContext sslContext;
    private HttpClient httpClient;

    private Builder() {}

    /** Sets the namespace every call addresses. */
    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    /** Sets the converter of arguments and results (it must produce JSON payloads). */
    public Builder dataConverter(DataConverter dataConverter) {
      this.dataConverter = dataConverter;
      return this;
    }

    /** Sets how long a connection may take to open. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    /** Sets how long a call may take beyond the wait it asks for itself. */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    /** Sets the TLS context for {@code https://} addresses. */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = sslContext;
      return this;
    }

    /** Sets the JDK HTTP client to use instead of one the client makes. */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /** Builds the options. */
    public WeftClientOptions build() {
      return new WeftClientOptions(
          namespace, dataConverter, connectTimeout, requestTimeout, sslContext, httpClient);
    }
  }
}
