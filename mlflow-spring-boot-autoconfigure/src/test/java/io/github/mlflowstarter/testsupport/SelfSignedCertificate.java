package io.github.mlflowstarter.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate and its private key, made at test time with the JDK's
 * {@code keytool} into a temporary directory, so no private key is ever committed. It comes as a
 * PKCS12 key store, as PEM files (certificate and PKCS#8 private key), and as a PKCS12 trust
 * store that trusts just this certificate.
 */
public final class SelfSignedCertificate {

	private static final String PASSWORD = "test-only";

	private final Path keyStore;

	private final Path trustStore;

	private final Path certificatePem;

	private final Path privateKeyPem;

	private SelfSignedCertificate(Path keyStore, Path trustStore, Path certificatePem, Path privateKeyPem) {
		this.keyStore = keyStore;
		this.trustStore = trustStore;
		this.certificatePem = certificatePem;
		this.privateKeyPem = privateKeyPem;
	}

	/**
	 * Generates a certificate valid for two days.
	 * @param name the common name, also the file name prefix
	 * @param subjectAlternativeNames the SAN extension value, such as
	 * {@code IP:127.0.0.1,DNS:localhost}
	 * @return the certificate
	 */
	public static SelfSignedCertificate generate(String name, String subjectAlternativeNames) {
		try {
			Path directory = Files.createTempDirectory("mlflow-tls-");
			directory.toFile().deleteOnExit();
			Path keyStore = directory.resolve(name + ".p12");
			keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
					"-ext", "SAN=" + subjectAlternativeNames, "-validity", "2", "-storetype", "PKCS12", "-keystore",
					keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
			KeyStore store = KeyStore.getInstance("PKCS12");
			try (var in = Files.newInputStream(keyStore)) {
				store.load(in, PASSWORD.toCharArray());
			}
			Certificate certificate = store.getCertificate(name);
			Key key = store.getKey(name, PASSWORD.toCharArray());
			Path certificatePem = write(directory.resolve(name + ".crt"), "CERTIFICATE", certificate.getEncoded());
			Path privateKeyPem = write(directory.resolve(name + ".key"), "PRIVATE KEY", key.getEncoded());
			Path trustStore = directory.resolve(name + "-trust.p12");
			KeyStore trust = KeyStore.getInstance("PKCS12");
			trust.load(null, null);
			trust.setCertificateEntry(name, certificate);
			try (OutputStream out = Files.newOutputStream(trustStore)) {
				trust.store(out, PASSWORD.toCharArray());
			}
			for (Path file : List.of(keyStore, certificatePem, privateKeyPem, trustStore)) {
				file.toFile().deleteOnExit();
			}
			return new SelfSignedCertificate(keyStore, trustStore, certificatePem, privateKeyPem);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void keytool(String... arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("keytool failed: " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			process.destroy();
		}
	}

	private static Path write(Path file, String type, byte[] der) throws IOException {
		String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		Files.writeString(file, "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n");
		return file;
	}

	/**
	 * The PKCS12 key store holding the private key and the certificate.
	 * @return the path
	 */
	public Path keyStore() {
		return this.keyStore;
	}

	/**
	 * A PKCS12 trust store whose only entry is this certificate.
	 * @return the path
	 */
	public Path trustStore() {
		return this.trustStore;
	}

	/**
	 * The password of both stores.
	 * @return the password
	 */
	public String password() {
		return PASSWORD;
	}

	/**
	 * The certificate as PEM.
	 * @return the path
	 */
	public Path certificatePem() {
		return this.certificatePem;
	}

	/**
	 * The private key as PKCS#8 PEM.
	 * @return the path
	 */
	public Path privateKeyPem() {
		return this.privateKeyPem;
	}

}
