/// How the words are split into shards: by the characters they start with, like a trie. A
/// start whose words are over the limit gets a shard for each next character whose words are
/// large enough to stand alone; the smaller ones stay together in the start's own shard.
///
/// A word is in the shard of the longest start that begins it, which the browser finds from the
/// manifest alone. The split of one start depends only on its own words, so an edit moves words
/// between shards only where a start crosses the limit.
struct ShardPlan {
    struct Shard {
        /// The characters every word of the shard starts with.
        var start: String
        /// The words' numbers in the vocabulary, in its order.
        var words: [Int]
    }

    private(set) var shards: [Shard] = []
    private let scalars: [[Unicode.Scalar]]
    private let costOfWord: [Int]
    private let costOfStem: [Int]
    private let stemOfWord: [Int]
    private let limit: Int
    /// For each stem, the number of the last `cost` call that counted it: a set of the stems
    /// seen without hashing (a `Set<Int>` per call was two fifths of the plan at 10,000 pages).
    private var counted: [Int]
    private var costCalls = 0

    init(vocabulary: Vocabulary, limit: Int) {
        scalars = vocabulary.words.map { Array($0.unicodeScalars) }
        costOfWord = vocabulary.words.map { $0.utf8.count + 6 }
        costOfStem = vocabulary.encodedStems.map { $0.utf8.count + 2 }
        stemOfWord = vocabulary.stemOfWord
        counted = Array(repeating: -1, count: vocabulary.encodedStems.count)
        self.limit = limit
        if !vocabulary.words.isEmpty { split(Array(vocabulary.words.indices), depth: 0) }
        shards.sort { $0.start.utf8.lexicographicallyPrecedes($1.start.utf8) }
        if shards.isEmpty { shards = [Shard(start: "", words: [])] }
    }

    /// The bytes the words take in a shard: each word, and each of their stems once.
    private mutating func cost(_ words: [Int]) -> Int {
        costCalls += 1
        var total = 0
        for word in words {
            total += costOfWord[word]
            let stem = stemOfWord[word]
            if counted[stem] != costCalls {
                counted[stem] = costCalls
                total += costOfStem[stem]
            }
        }
        return total
    }

    /// Splits `words`, which all start with the same `depth` characters.
    private mutating func split(_ words: [Int], depth: Int) {
        let start = String(String.UnicodeScalarView(scalars[words[0]].prefix(depth)))
        // One word cannot be split; neither can words that all end here.
        guard cost(words) > limit, words.contains(where: { scalars[$0].count > depth }), words.count > 1 else {
            shards.append(Shard(start: start, words: words))
            return
        }
        var rest = words.filter { scalars[$0].count == depth }
        var children: [[Int]] = []
        for word in words where scalars[word].count > depth {
            if let last = children.last?.last, scalars[last][depth] == scalars[word][depth] {
                children[children.count - 1].append(word)
            } else {
                children.append([word])
            }
        }
        // The largest children get shards of their own until what stays is under the limit.
        var costs: [Int] = []
        for child in children { costs.append(cost(child)) }
        var restCost = cost(rest) + costs.reduce(0, +)
        let bySize = children.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
        var alone = Set<Int>()
        for child in bySize where restCost > limit || costs[child] > limit / 4 {
            alone.insert(child)
            restCost -= costs[child]
        }
        for (number, child) in children.enumerated() {
            if alone.contains(number) { split(child, depth: depth + 1) } else { rest += child }
        }
        if !rest.isEmpty { shards.append(Shard(start: start, words: rest.sorted())) }
    }
}
