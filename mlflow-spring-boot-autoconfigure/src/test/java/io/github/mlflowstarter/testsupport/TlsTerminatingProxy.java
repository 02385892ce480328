package io.github.mlflowstarter.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS-terminating proxy on loopback in front of a plain-HTTP server, as a load balancer or
 * ingress in front of an MLflow server would be: it accepts TLS connections with a given
 * certificate, optionally demands a client certificate, and forwards the decrypted bytes both
 * ways to the server's plain port.
 */
public final class TlsTerminatingProxy implements AutoCloseable {

	private final SSLServerSocket serverSocket;

	private final int targetPort;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final AtomicInteger completedHandshakes = new AtomicInteger();

	private TlsTerminatingProxy(SSLServerSocket serverSocket, int targetPort) {
		this.serverSocket = serverSocket;
		this.targetPort = targetPort;
	}

	/**
	 * Starts a proxy that needs no client certificate.
	 * @param targetPort the plain port on 127.0.0.1 to forward to
	 * @param serverCertificate the certificate the proxy presents
	 * @return the running proxy
	 */
	public static TlsTerminatingProxy start(int targetPort, SelfSignedCertificate serverCertificate) {
		return start(targetPort, serverCertificate, null);
	}

	/**
	 * Starts a proxy.
	 * @param targetPort the plain port on 127.0.0.1 to forward to
	 * @param serverCertificate the certificate the proxy presents
	 * @param trustedClient the only client certificate accepted, or {@code null} to ask for none
	 * @return the running proxy
	 */
	public static TlsTerminatingProxy start(int targetPort, SelfSignedCertificate serverCertificate,
			SelfSignedCertificate trustedClient) {
		try {
			KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(load(serverCertificate.keyStore(), serverCertificate.password()),
					serverCertificate.password().toCharArray());
			TrustManagerFactory trustManagers = null;
			if (trustedClient != null) {
				trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
				trustManagers.init(load(trustedClient.trustStore(), trustedClient.password()));
			}
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers.getKeyManagers(),
					(trustManagers != null) ? trustManagers.getTrustManagers() : null, null);
			SSLServerSocket serverSocket = (SSLServerSocket) context.getServerSocketFactory()
				.createServerSocket(0, 50, InetAddress.getLoopbackAddress());
			serverSocket.setNeedClientAuth(trustedClient != null);
			TlsTerminatingProxy proxy = new TlsTerminatingProxy(serverSocket, targetPort);
			daemon("tls-proxy-accept-" + serverSocket.getLocalPort(), proxy::acceptLoop).start();
			return proxy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyStore load(Path path, String password) throws IOException, GeneralSecurityException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(path)) {
			store.load(in, password.toCharArray());
		}
		return store;
	}

	private static Thread daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	/**
	 * The proxy's address, {@code https://127.0.0.1:<port>}.
	 * @return the URI
	 */
	public URI uri() {
		return URI.create("https://127.0.0.1:" + port());
	}

	/**
	 * The port the proxy listens on.
	 * @return the port
	 */
	public int port() {
		return this.serverSocket.getLocalPort();
	}

	/**
	 * How many TLS handshakes completed so far.
	 * @return the count
	 */
	public int completedHandshakes() {
		return this.completedHandshakes.get();
	}

	private void acceptLoop() {
		while (!this.serverSocket.isClosed()) {
			try {
				SSLSocket client = (SSLSocket) this.serverSocket.accept();
				this.sockets.add(client);
				daemon("tls-proxy-connection", () -> forward(client)).start();
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void forward(SSLSocket client) {
		Socket server = null;
		try {
			client.setSoTimeout(10_000);
			client.startHandshake();
			client.setSoTimeout(0);
			this.completedHandshakes.incrementAndGet();
			server = new Socket();
			this.sockets.add(server);
			server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.targetPort), 5_000);
			Socket upstream = server;
			daemon("tls-proxy-response", () -> pump(upstream, client)).start();
			pump(client, server);
		}
		catch (IOException ex) {
			closeQuietly(client);
			closeQuietly(server);
		}
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// one side went away
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private void closeQuietly(Socket socket) {
		if (socket == null) {
			return;
		}
		this.sockets.remove(socket);
		try {
			socket.close();
		}
		catch (IOException ex) {
			// nothing to do
		}
	}

	@Override
	public void close() {
		try {
			this.serverSocket.close();
		}
		catch (IOException ex) {
			// nothing to do
		}
		this.sockets.forEach(this::closeQuietly);
	}

}
