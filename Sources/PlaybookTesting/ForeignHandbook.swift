/// A small handbook written the way teams write Markdown for GitHub, not for Playbook: no front
/// matter, titles in `# ` headings, `index.md` and `README.md` folder pages, names with spaces,
/// capitals and accents, folder links, images and PDFs beside the pages, GFM tables, and four
/// broken links (listed in `brokenLinks`).
public enum ForeignHandbook {
    /// The files, by path in the site folder. `playbook.yml` sets `links` to `policy`.
    public static func files(links policy: String) -> [String: String] {
        [
            "playbook.yml": "title: Acme Handbook\nlinks: \(policy)\n",
            "content/README.md": """
                # Acme Handbook

                Start with [Team Norms](Team%20Norms/) or [the people](people), then
                [onboarding](<Team Norms/Onboarding Guide.md#first-week>), [l'équipe](./équipe/index.md)
                and [norms from the root](/Team%20Norms/index.md).

                Gone: [an old page](Missing%20Page.md) and [a folder](<team norms/>).

                Back to [the top](#acme-handbook), to [the guide's title](<Team Norms/Onboarding Guide.md#onboarding-guide>).

                """,
            "content/Team Norms/index.md": """
                Team *Norms*
                ============

                ![Org chart](Org%20Chart.png) · [back home](../README.md) · [README too](../)

                | Norm | Since |
                |:-----|------:|
                | Reply within a day | 2019 |

                """,
            "content/Team Norms/Onboarding Guide.md": """
                # Onboarding `Guide`

                ## First week

                Read the [leave policy](../people/Leave%20Policy.pdf) and meet [the people](../people/README.md).

                ## First week

                The second one is [#first-week-1](#first-week-1); [next week](#second-week) is not written yet.

                """,
            "content/people/README.md": """
                # People

                ![Logo](logo.svg) [Norms](<../Team Norms>) [Straße](Straße.md) [café](<../équipe/Café Crème.md>)

                """,
            "content/people/Straße.md": "Notes without a heading.\n",
            "content/équipe/index.md": "# Équipe\n\nBonjour.\n",
            "content/équipe/Café Crème.md": "---\nweight: 1\n---\n# Café Crème\n\nUn café.\n",
            "content/with-front-matter.md": "---\ntitle: Set In Front Matter\n---\n# A heading in the body\n",
        ]
    }

    /// Files that are not text.
    public static let binaryFiles: [String: [UInt8]] = [
        "content/Team Norms/Org Chart.png": [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
        "content/people/Leave Policy.pdf": Array("%PDF-1.4\n".utf8),
    ]

    /// The broken links, as `file:line:col: message [code]` without the severity.
    public static let brokenLinks = [
        "content/README.md:7:7: broken link: 'Missing%20Page.md' points to 'Missing Page.md', which does not exist [link/broken]",
        "content/README.md:7:44: broken link: 'team norms/' points to 'team norms', which does not exist [link/broken]",
        "content/Team Norms/Onboarding Guide.md:9:51: broken link: '#second-week' points to '#second-week', which content/Team Norms/Onboarding Guide.md does not have [link/anchor]",
        "content/people/README.md:3:1: broken image: 'logo.svg' points to 'people/logo.svg', which does not exist [link/broken]",
    ]
}
