package dev.weft.server;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** The Jetty connector of a server that serves HTTPS only (HTTP/1.1 over TLS). */
final class HttpsConnector {
  private HttpsConnector() {}

  static Connector create(
      Server server, HttpConfiguration base, TlsKeyStore.Loaded keys, String host, int port) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(keys.keyStore());
    ssl.setKeyStorePassword(new String(keys.password()));
    ssl.setKeyManagerPassword(new String(keys.password()));
    HttpConfiguration https = new HttpConfiguration(base);
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    // clients check the host name against the certificate; Jetty's extra SNI check would refuse
    // a client that reaches the server under a name the certificate does not list with a 400
    secure.setSniHostCheck(false);
    https.addCustomizer(secure);
    ServerConnector connector =
        new ServerConnector(
            server,
            new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
            new HttpConnectionFactory(https));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }
}
