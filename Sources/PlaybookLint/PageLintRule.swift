public import PlaybookDiagnostics
public import PlaybookModel

/// A rule about any page of the playbook rather than about a plan: who owns it and whether it
/// was reviewed in time. Registered, documented and configured like the plan rules; the linter
/// runs it on every page (plans included) when pages are in its scope.
public protocol PageLintRule: LintRule {
    /// Every finding of this rule in a page; an empty list when the page passes.
    func check(page input: PageLintInput) -> [RuleFinding]
}

extension PageLintRule {
    /// A page rule finds nothing in a plan's plan-specific fields.
    public func check(_ input: LintInput) -> [RuleFinding] { [] }
}

/// What the page rules need from the site: its owners, its review defaults and the day to
/// measure against. Today is an input, never read from a clock here.
public struct PageLintSettings: Sendable, Hashable {
    /// The names of `owners:` in `playbook.yml`; `nil` when the site lists none, so that owners
    /// are not checked.
    public var owners: [String]?
    /// `freshness.review-every`: the period of pages without their own.
    public var reviewEvery: ReviewPeriod?
    /// `freshness.require-owner`: the severity of `page/owner-missing` unless `lint.rules` sets one.
    public var requireOwner: OwnerRequirement
    /// The day reviews are measured against; `nil` leaves out the checks that need it.
    public var today: PlanDate?

    /// Creates settings; by default nothing is required and there is no today.
    public init(owners: [String]? = nil, reviewEvery: ReviewPeriod? = nil, requireOwner: OwnerRequirement = .off, today: PlanDate? = nil) {
        self.owners = owners
        self.reviewEvery = reviewEvery
        self.requireOwner = requireOwner
        self.today = today
    }

    /// The settings of a site's `playbook.yml`, measured against `today`.
    public init(config: SiteConfig, today: PlanDate?) {
        self.init(
            owners: config.owners?.map(\.name.value), reviewEvery: config.freshness.reviewEvery,
            requireOwner: config.freshness.requireOwner, today: today)
    }
}

/// Everything a page rule may look at: the page's owner and review facts and the site's settings.
public struct PageLintInput: Sendable {
    /// The file, as findings name it.
    public let file: String
    /// The page's `owner`, `reviewed` and `review-every`, positioned at their keys.
    public let freshness: PageFreshness
    /// The site's owners, review default and today.
    public let settings: PageLintSettings

    /// Prepares the input for the rules.
    public init(file: String, freshness: PageFreshness, settings: PageLintSettings) {
        self.file = file
        self.freshness = freshness
        self.settings = settings
    }

    /// Where a finding about a missing key points: the file's first line.
    public var firstLine: SourceLocation { SourceLocation(file: file, line: 1, column: 1) }

    /// The period in force: the page's own when it reads as one, else the site's default.
    /// `nil` when the page's own cannot be read (that is `page/review-invalid`'s finding).
    public var period: ReviewPeriod? { freshness.period(default: settings.reviewEvery) }
}
