/// MS-ASPROV 2.2.2.54.2 Status of Provision, and 2.2.2.54.1 Status of Policy.
enum ProvisionStatus: Int, Sendable {
    case success = 1
    case protocolError = 2
    case serverError = 3
}

enum PolicyStatus: Int, Sendable {
    case success = 1
    /// No policy for this client: the domain requires none.
    case noPolicy = 2
    case unknownPolicyType = 3
    case corruptPolicy = 4
    /// The client acknowledged a policy key the server did not hand it.
    case wrongPolicyKey = 5
}
