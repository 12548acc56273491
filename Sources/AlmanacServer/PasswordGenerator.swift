/// Random passwords that meet the directory's rules (upper- and lower-case
/// letters, a digit and a symbol), from the system's secure generator.
public enum PasswordGenerator {
    static let upper = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
    static let lower = Array("abcdefghijkmnopqrstuvwxyz")
    static let digits = Array("23456789")
    static let symbols = Array("-_.!#%+=")

    /// A password of `length` characters (at least 8), one of each class
    /// guaranteed, shuffled; ambiguous characters (0/O, 1/l/I) left out.
    public static func generate(length: Int = 16) -> String {
        var generator = SystemRandomNumberGenerator()
        let all = upper + lower + digits + symbols
        var characters = [upper, lower, digits, symbols].map { $0.randomElement(using: &generator)! }
        while characters.count < max(8, length) {
            characters.append(all.randomElement(using: &generator)!)
        }
        characters.shuffle(using: &generator)
        return String(characters)
    }
}
