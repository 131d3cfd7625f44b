/// Escapes text for use in HTML element content and quoted attribute values.
public func escapeHTML(_ text: String) -> String {
    var needsEscaping = false
    for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
        needsEscaping = true
        break
    }
    guard needsEscaping else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(character)
        }
    }
    return out
}
