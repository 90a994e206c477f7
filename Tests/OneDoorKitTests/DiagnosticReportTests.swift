import OneDoorKit
import Testing

@Suite struct DiagnosticReportTests {
    let report = DiagnosticReport(diagnostics: [
        .warning(.emptyBody, at: SourceLocation(file: "services/b.md", line: 9, column: 1), "no description"),
        .error(.unknownReference, at: SourceLocation(file: "services/a.md", line: 4, column: 11), "unknown category 'x, y: z'"),
    ], fileCount: 214)

    @Test func textIsOneCompilerStyleLinePerFindingThenASummary() {
        #expect(report.rendered(as: .text) == """
            services/a.md:4:11: error: unknown category 'x, y: z'
            services/b.md:9:1: warning: no description
            1 error, 1 warning in 214 files

            """)
    }

    @Test func jsonIsAnArrayOfFindingsAFindingALine() {
        let json = report.rendered(as: .json)
        #expect(json.hasPrefix("[\n  {\"file\": \"services/a.md\", \"line\": 4, \"column\": 11, \"severity\": \"error\", \"rule\": \"unknown-reference\","))
        #expect(json.split(separator: "\n").count == 4)
    }

    @Test func githubAnnotationsUsePathsFromTheCurrentFolder() {
        let lines = report.rendered(as: .github, pathPrefix: "catalogue/").split(separator: "\n")
        #expect(lines[0] == "::error file=catalogue/services/a.md,line=4,col=11,title=unknown-reference::unknown category 'x, y: z'")
        #expect(lines[1] == "::warning file=catalogue/services/b.md,line=9,col=1,title=empty-body::no description")
    }

    @Test func summaryCountsInTheSingularAndPlural() {
        #expect(DiagnosticReport(diagnostics: [], fileCount: 1).summary == "0 errors, 0 warnings in 1 file")
    }
}
