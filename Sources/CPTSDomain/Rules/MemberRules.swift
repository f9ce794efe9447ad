extension ContentRules {
    /// A count of members, in a CPTS or in an activity report, is zero or more.
    @Sendable static func memberCountsAreNotNegative(_ content: SiteContent) -> [Diagnostic] {
        (content.cpts.flatMap(\.members) + content.reports.flatMap(\.members)).filter { $0.count < 0 }.map { member in
            .error(.membersNegative(count: member.count), at: member.location)
        }
    }
}
