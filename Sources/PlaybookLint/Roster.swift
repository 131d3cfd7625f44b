public import PlaybookModel
internal import PlaybookDiagnostics
internal import Foundation

/// The names on a plan's team, and what a reference to people (`accountable`, `owner`) names.
public struct Roster: Sendable {
    /// Every name on the team, in order.
    public let names: [String]

    /// What a reference names.
    public enum Match: Sendable, Hashable {
        /// Exactly one member of the team.
        case member(String)
        /// More than one person, listed or joined in one text (`Sam and Lee`).
        case several([String])
        /// One name that is not on the team, with a "did you mean" hint when one is close.
        case stranger(Located<String>, hint: String?)
    }

    /// The roster of a team; `nil` when the team could not be read or has no names.
    public init?(team: PlanField<[TeamMember]>) {
        let names = (team.value ?? []).compactMap(\.name.value)
        guard !names.isEmpty else { return nil }
        self.names = names
    }

    /// Words that join two names in one text.
    static let joiners = [" and ", "&", ",", ";", "/", "+"]

    /// What `reference` names, checked against `roster` when there is one; without one only
    /// "more than one person" can be told.
    public static func match(_ reference: PersonReference, in roster: Roster?) -> Match {
        if let roster { return roster.match(reference) }
        let people = people(in: reference)
        return people.count > 1 ? .several(people) : .member(people.first ?? "")
    }

    /// What `reference` names.
    public func match(_ reference: PersonReference) -> Match {
        if let only = reference.names.first, reference.names.count == 1, names.contains(only.value) {
            return .member(only.value)
        }
        let people = Self.people(in: reference)
        guard people.count == 1, let only = reference.names.first else { return .several(people) }
        if let exact = names.first(where: { $0.lowercased() == only.value.lowercased() }) {
            return .stranger(only, hint: "the case differs: did you mean '\(exact)'?")
        }
        return .stranger(only, hint: Suggestions.didYouMean(only.value, in: names) ?? "the team is: \(names.joined(separator: ", "))")
    }

    /// The people a reference names: each list entry, and each part of a text joined with
    /// "and", "&", ",", ";", "/" or "+".
    static func people(in reference: PersonReference) -> [String] {
        if reference.names.count > 1 { return reference.names.map(\.value) }
        var parts = reference.names.map(\.value)
        for joiner in joiners {
            parts = parts.flatMap { $0.components(separatedBy: joiner) }
        }
        let people = parts.map { String($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
        return people.isEmpty ? reference.names.map(\.value) : people
    }
}
