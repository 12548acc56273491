import NIOSSL

/// Reads the configured certificate chain and key, or says which file could
/// not be read and why, so the server refuses to start with a clear message.
enum TLSLoader {
    static func serverConfiguration(certificate: String, key: String) throws(ConfigurationError) -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificate)
        } catch {
            throw .unreadableCertificate(path: certificate, reason: String(describing: error))
        }
        guard !chain.isEmpty else {
            throw .unreadableCertificate(path: certificate, reason: "no PEM certificate in the file")
        }
        let privateKey: NIOSSLPrivateKey
        do {
            privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
        } catch {
            throw .unreadablePrivateKey(path: key, reason: String(describing: error))
        }
        return TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(privateKey))
    }
}
