import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238): HMAC-SHA1 over the 30-second step, six digits, as
/// every authenticator app computes them. A code is accepted one step early or late (clocks of
/// phones drift), and never twice: the step it matched is remembered and must be passed.
public struct TOTP: Sendable, Equatable {
    public static let stepSeconds: TimeInterval = 30
    public static let digits = 6
    public static let secretBytes = 20

    public var secret: [UInt8]

    public init(secret: [UInt8]) {
        self.secret = secret
    }

    public init?(base32 text: String) {
        guard let bytes = Base32.decode(text), !bytes.isEmpty else { return nil }
        self.secret = bytes
    }

    public static func randomSecret() -> [UInt8] {
        (0..<secretBytes).map { _ in UInt8.random(in: .min ... .max) }
    }

    public static func step(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / stepSeconds).rounded(.down))
    }

    public func code(step: Int64, digits: Int = TOTP.digits) -> String {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let value =
            (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8)
            | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let text = String(value % modulus)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    public func code(at date: Date) -> String {
        code(step: Self.step(at: date))
    }

    /// The step a typed code matches within one step either side of `date`, if it is later than the
    /// last step already used.
    public func matchingStep(_ typed: String, at date: Date, lastUsedStep: Int64?) -> Int64? {
        let digitsOnly = typed.filter { !$0.isWhitespace }
        guard digitsOnly.count == Self.digits, digitsOnly.allSatisfy(\.isASCII), digitsOnly.allSatisfy(\.isNumber)
        else { return nil }
        let now = Self.step(at: date)
        for step in [now, now - 1, now + 1] where step > (lastUsedStep ?? Int64.min) {
            if constantTimeEqual(code(step: step), digitsOnly) { return step }
        }
        return nil
    }

    /// The `otpauth://` address an authenticator app reads from a QR code or a pasted link.
    public func uri(account: String, issuer: String = "Tre") -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let label = "\(issuer):\(account)".addingPercentEncoding(withAllowedCharacters: allowed) ?? account
        let issuerParameter = issuer.addingPercentEncoding(withAllowedCharacters: allowed) ?? issuer
        return "otpauth://totp/\(label)?secret=\(Base32.encode(secret))&issuer=\(issuerParameter)"
            + "&algorithm=SHA1&digits=\(Self.digits)&period=\(Int(Self.stepSeconds))"
    }

    private func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8)
        let b = Array(right.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}

/// RFC 4648 base32 without padding, as authenticator apps take secrets.
public enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    public static func encode(_ bytes: [UInt8]) -> String {
        var output = ""
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 31)])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return output
    }

    /// Spaces, dashes, padding and lower case, as people copy secrets, are accepted.
    public static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for character in text.uppercased() where !" -=".contains(character) {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | UInt32(value)
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> UInt32(bits - 8)) & 0xff))
                bits -= 8
            }
        }
        return output
    }

    /// The secret in groups of four, easier to type from the screen.
    public static func grouped(_ text: String) -> String {
        var groups: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if current.count == 4 {
                groups.append(current)
                current = ""
            }
        }
        if !current.isEmpty { groups.append(current) }
        return groups.joined(separator: " ")
    }
}

/// Single-use codes for a lost phone: ten of them, shown once, stored only as hashes.
public enum RecoveryCodes {
    public static let count = 10
    /// No look-alikes (0/O, 1/l/I), so a code read off paper is typed right.
    static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    /// Ten codes like `k7dm-q2xp-wn4f` (about 60 bits each).
    public static func generate() -> [String] {
        (0..<count).map { _ in
            (0..<3).map { _ in String((0..<4).map { _ in alphabet.randomElement() ?? "x" }) }.joined(separator: "-")
        }
    }

    /// A typed code as it was issued: lower case, dashes where they belong, spaces ignored.
    public static func normalized(_ typed: String) -> String {
        let letters = typed.lowercased().filter { $0.isLetter || $0.isNumber }
        guard letters.count == 12 else { return letters }
        let characters = Array(letters)
        return [characters[0..<4], characters[4..<8], characters[8..<12]].map { String($0) }.joined(separator: "-")
    }

    public static func hash(_ code: String) -> String {
        SHA256.hash(data: Data(normalized(code).utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
